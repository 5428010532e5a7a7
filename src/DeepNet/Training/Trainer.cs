using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Threading;

namespace DeepNet.Training;

/// <summary>
/// Trains any generated network. Every update is Forward, cost, Backward, L2 gradient, optimizer step, on the full
/// batch (the course's <c>L_layer_model</c>) or on one mini-batch (its Course 2 <c>model</c>); the cost is reported when
/// an epoch ends, every <see cref="TrainingOptions.ReportEvery"/> epochs and at the last one.
/// </summary>
/// <remarks>
/// Everything is allocated before the first update: one cache sized for the largest batch (reused for the smaller last
/// one), the gradients, the optimizer's state, the mini-batch buffers and one copy of the parameters. An update then
/// allocates nothing; an epoch allocates only its shuffle's <see cref="NumpyRandom"/>.
/// </remarks>
public static class Trainer
{
    /// <summary>Trains <paramref name="network"/> on X (n0 × m) and Y (nL × m), examples as columns.</summary>
    /// <param name="network">The network; its current parameters are the starting point.</param>
    /// <param name="X">Inputs, n0 × m, row-major. Checked once for NaN and infinity.</param>
    /// <param name="Y">Labels, nL × m, row-major. Checked once for NaN and infinity.</param>
    /// <param name="options">Duration, batches, learning rate, optimizer, regularization and report interval.</param>
    /// <param name="report">
    /// Called with each report on the training thread, after the epoch's last update: the network then holds the
    /// parameters reached so far, so the callback can evaluate it (for example on a test set).
    /// </param>
    /// <param name="cancellationToken">Checked before every update.</param>
    /// <returns>The reported costs and the wall time.</returns>
    /// <exception cref="ArgumentException">X or Y has the wrong length or a non-finite value, or the options are invalid.</exception>
    /// <exception cref="TrainingDivergedException">
    /// A cost became NaN or infinite; the network keeps the parameters of the last update whose cost was finite.
    /// </exception>
    /// <exception cref="InvalidOperationException">The learning-rate schedule gave a rate that is not finite and positive.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the network keeps the parameters reached so far.</exception>
    public static TrainingResult Train<T>(
        INetwork<T> network,
        ReadOnlySpan<T> X,
        ReadOnlySpan<T> Y,
        TrainingOptions options,
        Action<TrainingProgress>? report = null,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        NetworkArchitecture architecture = network.Architecture;
        int m = ExampleCount(architecture, X.Length, Y.Length);
        DataChecks.ThrowIfNotFinite(X, nameof(X), architecture.InputSize, m);
        DataChecks.ThrowIfNotFinite(Y, nameof(Y), architecture.OutputSize, m);

        MiniBatches<T>? batches = options.BatchSize is int batchSize
            ? new MiniBatches<T>(architecture.InputSize, architecture.OutputSize, m, batchSize)
            : null;
        int updatesPerEpoch = batches?.BatchCount ?? 1;
        (int iterations, int epochs) = Duration(options, updatesPerEpoch);
        NetworkCache<T> cache = network.CreateCache(batches?.BatchSize ?? m);
        NetworkGradients<T> grads = network.CreateGradients();
        IOptimizerState<T> optimizer = options.Optimizer.CreateState<T>(architecture);
        double lambda = options.L2Lambda;
        T[] lastFinite = new T[architecture.ParameterCount];
        var costs = new List<TrainingProgress>(epochs / options.ReportEvery + 2);
        var clock = Stopwatch.StartNew();
        var trainingClock = Stopwatch.StartNew();

        var shuffleRandom = new NumpyRandom(0);
        int iteration = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double learningRate = LearningRateOf(options, epoch);
            T alpha = T.CreateTruncating(learningRate);
            if (batches is not null && options.Shuffle)
            {
                shuffleRandom.Seed((uint)options.ShuffleSeed + (uint)epoch);
                batches.Shuffle(shuffleRandom);
            }
            int updates = Math.Min(updatesPerEpoch, iterations - iteration);
            double weightedCostSum = 0, cost = 0;
            int examples = 0;
            for (int k = 0; k < updates; k++, iteration++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadOnlySpan<T> x = X, y = Y;
                int count = m;
                if (batches is not null)
                {
                    MiniBatch<T> batch = batches.Gather(k, X, Y);
                    x = batch.X;
                    y = batch.Y;
                    count = batch.Count;
                    cache.SetExampleCount(count);
                }

                network.Forward(x, cache);
                cost = double.CreateTruncating(network.ComputeCost(cache, y));
                if (lambda != 0)
                    cost += L2Regularization.Cost<T>(architecture, network.Parameters, lambda, count);
                if (!double.IsFinite(cost))
                {
                    // At iteration 0 nothing was updated yet: the network keeps the parameters it came with.
                    if (iteration > 0)
                        lastFinite.CopyTo(network.Parameters);
                    throw new TrainingDivergedException(iteration, cost, options.LearningRate);
                }
                network.Parameters.CopyTo(lastFinite);
                weightedCostSum += cost * count;
                examples += count;

                network.Backward(x, y, cache, grads);
                if (lambda != 0)
                    L2Regularization.AddGradient<T>(architecture, network.Parameters, grads.Values, lambda, count);
                optimizer.Update(network.Parameters, grads.Values, alpha);
            }

            if (epoch % options.ReportEvery == 0 || epoch == epochs - 1)
            {
                trainingClock.Stop();
                var progress = new TrainingProgress(iteration - 1, iterations, updates == 1 ? cost : weightedCostSum / examples, clock.Elapsed)
                {
                    Epoch = epoch,
                    Epochs = epochs,
                    LearningRate = learningRate,
                    TrainingTime = trainingClock.Elapsed,
                };
                costs.Add(progress);
                report?.Invoke(progress);
                trainingClock.Start();
            }
        }
        return new TrainingResult(costs, clock.Elapsed);
    }

    /// <summary>Total updates and epochs: Iterations updates span ⌈Iterations / updatesPerEpoch⌉ epochs.</summary>
    private static (int Iterations, int Epochs) Duration(TrainingOptions options, int updatesPerEpoch)
    {
        if (options.Iterations is int iterations)
            return (iterations, (int)(((long)iterations + updatesPerEpoch - 1) / updatesPerEpoch));
        int epochs = options.Epochs!.Value;
        long total = (long)epochs * updatesPerEpoch;
        if (total > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(TrainingOptions.Epochs), epochs, $"{epochs} epochs of {updatesPerEpoch} mini-batches make {total} updates, more than {int.MaxValue}.");
        return ((int)total, epochs);
    }

    private static double LearningRateOf(TrainingOptions options, int epoch)
    {
        if (options.LearningRateSchedule is not { } schedule)
            return options.LearningRate;
        double rate = schedule.LearningRate(options.LearningRate, epoch);
        if (!double.IsFinite(rate) || rate <= 0)
            throw new InvalidOperationException($"The learning-rate schedule {schedule} gave α = {rate} for epoch {epoch}; a learning rate must be finite and positive.");
        return rate;
    }

    private static int ExampleCount(NetworkArchitecture architecture, int xLength, int yLength)
    {
        int n0 = architecture.InputSize;
        int nL = architecture.OutputSize;
        if (xLength == 0 || xLength % n0 != 0)
            throw new ArgumentException($"X has length {xLength}, but a {architecture} network expects n0 × m = {n0} × m values with m ≥ 1.", "X");
        int m = xLength / n0;
        if (yLength != (long)nL * m)
            throw new ArgumentException($"Y has length {yLength}, but X holds m = {m} examples, so nL × m = {nL} × {m} = {(long)nL * m} labels are expected.", "Y");
        return m;
    }
}
