using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using DeepNet.Persistence;
using DeepNet.Training;

namespace FashionMnist;

/// <summary>
/// The sample's logic: reads Fashion-MNIST, trains <see cref="FashionNet"/>, prints its progress and results, and writes
/// the pictures and the model file. Everything it prints goes to the writers it is given.
/// </summary>
public sealed class FashionMnistApp(TextWriter output, TextWriter error, ITrainingDisplay display)
{
    public const int ExitSuccess = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;
    public const int ExitCancelled = 130;

    public const string ModelFileName = "fashion-mnist.dngm";
    public const string LearningCurvesFileName = "learning-curves.png";
    public const string ConfusionMatrixFileName = "confusion-matrix.png";

    /// <summary>Parses <paramref name="args"/> and runs; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, ITrainingDisplay? display = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        FashionMnistOptions options;
        try
        {
            options = FashionMnistOptions.Parse(args);
        }
        catch (UsageException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine();
            error.WriteLine(FashionMnistOptions.Usage);
            return ExitUsage;
        }
        return new FashionMnistApp(output, error, display ?? new PlainTrainingDisplay(output)).Run(options, cancellationToken);
    }

    /// <summary>Runs with parsed options; returns the process exit code.</summary>
    public int Run(FashionMnistOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Help)
        {
            output.WriteLine(FashionMnistOptions.Usage);
            return ExitSuccess;
        }
        try
        {
            return Train(options, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or TrainingDivergedException)
        {
            error.WriteLine(e.Message);
            return ExitFailure;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Cancelled.");
            return ExitCancelled;
        }
    }

    private int Train(FashionMnistOptions options, CancellationToken cancellationToken)
    {
        string dataDirectory = Path.GetFullPath(options.DataDirectory ?? FashionMnistFiles.DebianDirectory);
        var reading = Stopwatch.StartNew();
        var (allTrain, test) = FashionMnistFiles.Load(dataDirectory);
        output.WriteLine(Invariant(
            $"Fashion-MNIST: {allTrain.Count} training and {test.Count} test images of {FashionImageSet.Height} × {FashionImageSet.Width} from {dataDirectory} (read in {reading.Elapsed.TotalSeconds:F1} s)"));
        FashionImageSet train = options.TrainLimit is int limit ? allTrain.Take(limit) : allTrain;
        if (train.Count < allTrain.Count)
            output.WriteLine(Invariant($"Training on the first {train.Count} of them (--train-limit)."));
        if (FontCheck.Warning() is { } warning)
            error.WriteLine(warning);
        string outputDirectory = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(outputDirectory);

        TrainingSettings settings = options.Settings;
        var network = new FashionNet();
        network.InitializeParameters(settings.Seed);
        string epochs = Invariant($"{settings.Epochs} epoch{(settings.Epochs == 1 ? "" : "s")}");
        output.WriteLine(Invariant(
            $"Network {network.Architecture}, He initialisation: Adam α = {TrainingSettings.LearningRate} × {TrainingSettings.LearningRateDecay}^epoch, mini-batches of {settings.BatchSize}, {epochs}, seed {settings.Seed}, {Environment.ProcessorCount} processors"));

        TrainingRun run = display.Show(settings.Epochs,
            report => FashionTraining.Run(network, train, test, settings, report, cancellationToken));

        ConfusionMatrix confusion = run.Final.Test.Confusion;
        output.WriteLine(Invariant($"Test accuracy: {confusion.Accuracy:R} ({confusion.Correct} of {confusion.Total} correct)"));
        output.WriteLine(Invariant(
            $"Wall time: {run.TrainingTime.TotalSeconds:F1} s for {epochs} of {train.Count} images ({run.TimePerEpoch.TotalSeconds:F2} s per epoch), plus {run.EvaluationTime.TotalSeconds:F1} s evaluating"));

        string modelPath = Path.Combine(outputDirectory, ModelFileName);
        string curvesPath = Path.Combine(outputDirectory, LearningCurvesFileName);
        string confusionPath = Path.Combine(outputDirectory, ConfusionMatrixFileName);
        ModelFile.Save(network, modelPath);
        LearningCurvesPlot.Save(curvesPath, run.Epochs);
        ConfusionMatrixPlot.Save(confusionPath, confusion, FashionClasses.Names, Invariant(
            $"Fashion-MNIST test set after {epochs}: {confusion.Correct} of {confusion.Total} correct ({confusion.Accuracy * 100:F2}%)"));
        output.WriteLine($"Wrote {modelPath}");
        output.WriteLine($"Wrote {curvesPath}");
        output.WriteLine($"Wrote {confusionPath}");
        return ExitSuccess;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
