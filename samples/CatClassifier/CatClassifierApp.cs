using System;
using System.Globalization;
using System.IO;
using System.Threading;
using DeepNet.Persistence;
using DeepNet.Training;

namespace CatClassifier;

/// <summary>
/// The sample's logic: trains the notebook's models on the cat data set and writes pictures and model files, or loads
/// a model file and evaluates it. Everything it prints goes to the writers it is given.
/// </summary>
public sealed class CatClassifierApp(TextWriter output, TextWriter error, ITrainingDisplay display)
{
    public const int ExitSuccess = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;
    public const int ExitCancelled = 130;

    /// <summary>Parses <paramref name="args"/> and runs; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, ITrainingDisplay? display = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        CatClassifierOptions options;
        try
        {
            options = CatClassifierOptions.Parse(args);
        }
        catch (UsageException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine();
            error.WriteLine(CatClassifierOptions.Usage);
            return ExitUsage;
        }
        return new CatClassifierApp(output, error, display ?? new PlainTrainingDisplay(output)).Run(options, cancellationToken);
    }

    /// <summary>Runs with parsed options; returns the process exit code.</summary>
    public int Run(CatClassifierOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Help)
        {
            output.WriteLine(CatClassifierOptions.Usage);
            return ExitSuccess;
        }
        try
        {
            return options.Predict ? Predict(options) : Train(options, cancellationToken);
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

    private int Train(CatClassifierOptions options, CancellationToken cancellationToken)
    {
        string dataDirectory = DataDirectory(options);
        var (train, test) = CatDataFiles.Load(dataDirectory);
        output.WriteLine(Invariant($"Cat vs non-cat: {train.Count} training and {test.Count} test images of {CatImageSet.Height} × {CatImageSet.Width} × {CatImageSet.Channels} from {dataDirectory}"));
        if (FontCheck.Warning() is { } warning)
            error.WriteLine(warning);
        string outputDirectory = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(outputDirectory);

        foreach (CatModel model in options.Model is { } only ? [only] : CatModel.All)
        {
            output.WriteLine();
            output.WriteLine(Invariant($"{model.Title} {model.Architecture}: learning rate {CatModel.LearningRate}, {options.Iterations} iterations, numpy seed {CatModel.Seed} ({model.Initialization})"));
            ICatNetwork network = model.CreateInitialized();
            var trainingOptions = new TrainingOptions { Iterations = options.Iterations, LearningRate = CatModel.LearningRate, ReportEvery = 1 };
            TrainingResult result = display.Show(model, options.Iterations,
                report => Trainer.Train(network, train.X, train.Y, trainingOptions, report, cancellationToken));

            Classification onTrain = Classification.Of(network, train);
            Classification onTest = Classification.Of(network, test);
            WriteAccuracy("Train", onTrain);
            WriteAccuracy("Test", onTest);
            output.WriteLine(Invariant($"Wall time: {result.Elapsed.TotalSeconds:F1} s for {options.Iterations} iterations ({result.Elapsed.TotalMilliseconds / options.Iterations:F1} ms per iteration)"));

            string modelPath = Path.Combine(outputDirectory, CatModelFiles.FileName(model));
            string costPath = Path.Combine(outputDirectory, model.FileStem + "-cost.png");
            string mislabelledPath = Path.Combine(outputDirectory, model.FileStem + "-mislabelled.png");
            ModelFile.Save(network, modelPath);
            CostCurvePlot.Save(costPath, model, result.Costs, CatModel.LearningRate);
            MislabelledImagesPlot.Save(mislabelledPath, model, test, onTest);
            output.WriteLine($"Wrote {modelPath}");
            output.WriteLine($"Wrote {costPath}");
            output.WriteLine($"Wrote {mislabelledPath}");
        }
        return ExitSuccess;
    }

    private int Predict(CatClassifierOptions options)
    {
        var (model, network) = CatModelFiles.Load(options.ModelPath!, options.Model);
        output.WriteLine($"Loaded the {model} from {Path.GetFullPath(options.ModelPath!)}");
        string dataDirectory = DataDirectory(options);
        CatImageSet test = CatDataFiles.Read(Path.Combine(dataDirectory, CatDataFiles.TestFileName), "test");
        WriteAccuracy("Test", Classification.Of(network, test));
        return ExitSuccess;
    }

    private static string DataDirectory(CatClassifierOptions options) =>
        options.DataDirectory
        ?? RepositoryPaths.DefaultDataDirectory()
        ?? throw new DirectoryNotFoundException(
            $"No --data DIR was given and no {RepositoryPaths.SolutionFileName} was found above {Directory.GetCurrentDirectory()} to locate ../shared/data; " +
            $"pass --data DIR with {CatDataFiles.TrainFileName} and {CatDataFiles.TestFileName}.");

    private void WriteAccuracy(string set, Classification classification) =>
        output.WriteLine(Invariant($"{set} accuracy: {classification.Accuracy:R} ({classification.Correct} of {classification.Count} correct)"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
