using System;
using System.Globalization;

namespace FashionMnist;

/// <summary>The sample's command line.</summary>
public sealed record FashionMnistOptions
{
    public const string Usage =
        """
        Usage: FashionMnist [--data DIR] [--out DIR] [--epochs N] [--batch-size N] [--train-limit N] [--seed N]

        Trains a 784-256-128-10 relu/softmax network on Fashion-MNIST with mini-batches and Adam (α = 0.001 × 0.8^epoch),
        prints the training cost, test accuracy and time of every epoch, and writes the learning curves, the test set's
        confusion matrix and the trained model to --out.

          --data DIR         folder with the four IDX files, gzipped or not (default: /usr/share/datasets/fashion-mnist,
                             from Debian's dataset-fashion-mnist)
          --out DIR          folder for the PNG pictures and the model file (default: ./out)
          --epochs N         passes over the training set (default: 10)
          --batch-size N     examples per mini-batch (default: 64)
          --train-limit N    train on the first N training images only, for a quick run (default: all of them)
          --seed N           seed of the initial weights and of the shuffles, 0 … 2147483647 (default: 1)
          --help             this text
        """;

    /// <summary>The data folder given with <c>--data</c>, or null for <see cref="FashionMnistFiles.DebianDirectory"/>.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Where pictures and the model are written.</summary>
    public string OutputDirectory { get; init; } = "out";

    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = TrainingSettings.DefaultEpochs;

    /// <summary>Examples per mini-batch.</summary>
    public int BatchSize { get; init; } = TrainingSettings.DefaultBatchSize;

    /// <summary>Train on this many of the first training images, or on all of them when null.</summary>
    public int? TrainLimit { get; init; }

    /// <summary>Seeds the initial weights and the shuffles.</summary>
    public int Seed { get; init; } = TrainingSettings.DefaultSeed;

    /// <summary>Print <see cref="Usage"/> and stop.</summary>
    public bool Help { get; init; }

    /// <summary>The training settings these options ask for.</summary>
    public TrainingSettings Settings => new() { Epochs = Epochs, BatchSize = BatchSize, Seed = Seed };

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="UsageException">An unknown option, or a missing or invalid value.</exception>
    public static FashionMnistOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new FashionMnistOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string option = args[i];
            options = option switch
            {
                "--data" => options with { DataDirectory = Value(args, ref i) },
                "--out" => options with { OutputDirectory = Value(args, ref i) },
                "--epochs" => options with { Epochs = WholeNumber(option, Value(args, ref i), minimum: 1) },
                "--batch-size" => options with { BatchSize = WholeNumber(option, Value(args, ref i), minimum: 1) },
                "--train-limit" => options with { TrainLimit = WholeNumber(option, Value(args, ref i), minimum: 1) },
                "--seed" => options with { Seed = WholeNumber(option, Value(args, ref i), minimum: 0) },
                "--help" or "-h" or "-?" => options with { Help = true },
                _ => throw new UsageException($"Unknown option '{option}'."),
            };
        }
        return options;
    }

    private static string Value(string[] args, ref int i)
    {
        string option = args[i];
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new UsageException($"{option} needs a value.");
        return args[++i];
    }

    private static int WholeNumber(string option, string text, int minimum)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < minimum)
            throw new UsageException($"{option} expects a whole number of at least {minimum} (at most {int.MaxValue}); '{text}' given.");
        return value;
    }
}
