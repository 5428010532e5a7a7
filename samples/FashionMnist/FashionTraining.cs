using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using DeepNet;
using DeepNet.Training;

namespace FashionMnist;

/// <summary>
/// Trains a network on Fashion-MNIST with mini-batches and Adam (with exponential learning-rate decay), evaluating it on
/// the test set before training and after every epoch.
/// </summary>
public static class FashionTraining
{
    /// <summary>Trains <paramref name="network"/> from its current parameters on <paramref name="train"/>.</summary>
    /// <param name="network">A 784-input, 10-output network, initialised.</param>
    /// <param name="train">The training images.</param>
    /// <param name="test">The images it is evaluated on after each epoch.</param>
    /// <param name="settings">Epochs, batch size and seed.</param>
    /// <param name="report">Called with epoch 0 (before training), then after each epoch, on the calling thread.</param>
    /// <param name="cancellationToken">Checked before every update.</param>
    /// <exception cref="OperationCanceledException">Cancelled; the network keeps the parameters reached so far.</exception>
    /// <exception cref="TrainingDivergedException">The cost became NaN or infinite.</exception>
    public static TrainingRun Run(
        INetwork<double> network,
        FashionImageSet train,
        FashionImageSet test,
        TrainingSettings settings,
        Action<EpochReport>? report = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(settings);
        cancellationToken.ThrowIfCancellationRequested();

        var evaluator = new SetEvaluator(network);
        var epochs = new List<EpochReport>(settings.Epochs + 1);
        var evaluationTime = TimeSpan.Zero;

        var clock = Stopwatch.StartNew();
        double initialCost = evaluator.Evaluate(train).Cost;
        Evaluation initialTest = evaluator.Evaluate(test);
        Add(new EpochReport(0, settings.Epochs, initialCost, initialTest, TimeSpan.Zero, clock.Elapsed));

        double[] X = train.Inputs();
        double[] Y = train.OneHotLabels();
        var options = new TrainingOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Optimizer = new Adam(),
            LearningRate = TrainingSettings.LearningRate,
            LearningRateSchedule = new ExponentialDecay(TrainingSettings.LearningRateDecay),
            ShuffleSeed = settings.Seed,
            ReportEvery = 1,
        };
        TimeSpan trainedBefore = TimeSpan.Zero;
        TrainingResult result = Trainer.Train(network, X, Y, options, progress =>
        {
            // The network holds the epoch's final parameters here; progress.TrainingTime leaves out these callbacks.
            clock.Restart();
            Evaluation onTest = evaluator.Evaluate(test);
            Add(new EpochReport(progress.Epoch + 1, settings.Epochs, progress.Cost, onTest, progress.TrainingTime - trainedBefore, clock.Elapsed));
            trainedBefore = progress.TrainingTime;
        }, cancellationToken);
        return new TrainingRun(epochs, result.Costs[^1].TrainingTime, evaluationTime);

        void Add(EpochReport epoch)
        {
            epochs.Add(epoch);
            evaluationTime += epoch.EvaluationTime;
            report?.Invoke(epoch);
        }
    }
}
