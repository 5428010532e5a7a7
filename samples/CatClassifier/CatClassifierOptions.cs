using System;
using System.Globalization;

namespace CatClassifier;

/// <summary>The sample's command line.</summary>
public sealed record CatClassifierOptions
{
    public const string Usage =
        """
        Usage: CatClassifier [--data DIR] [--out DIR] [--iterations N] [--arch two|deep]
               CatClassifier --predict --model FILE [--arch two|deep] [--data DIR]

        Trains the course's two-layer and L-layer cat / non-cat classifiers, prints the cost every 100 iterations and
        the accuracies, and writes the cost curves, the mislabelled test images and the trained models to --out.

          --data DIR        folder with train_catvnoncat.h5 and test_catvnoncat.h5 (default: ../shared/data beside the repository)
          --out DIR         folder for the PNG pictures and model files (default: ./out)
          --iterations N    gradient-descent iterations per model (default: 2500, as the course)
          --arch two|deep   only this model (default: both)
          --predict         load --model FILE and report its accuracy without training
          --model FILE      a model file written by an earlier run
          --help            this text
        """;

    /// <summary>The data folder given with <c>--data</c>, or null for the default.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Where pictures and models are written.</summary>
    public string OutputDirectory { get; init; } = "out";

    /// <summary>Iterations per model.</summary>
    public int Iterations { get; init; } = CatModel.Iterations;

    /// <summary>The one model to train or load, or null for both (training) / whichever fits (prediction).</summary>
    public CatModel? Model { get; init; }

    /// <summary>Load <see cref="ModelPath"/> and evaluate it instead of training.</summary>
    public bool Predict { get; init; }

    /// <summary>The model file for <see cref="Predict"/>.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Print <see cref="Usage"/> and stop.</summary>
    public bool Help { get; init; }

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="UsageException">An unknown option, a missing or invalid value, or an incomplete combination.</exception>
    public static CatClassifierOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new CatClassifierOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string option = args[i];
            options = option switch
            {
                "--data" => options with { DataDirectory = Value(args, ref i) },
                "--out" => options with { OutputDirectory = Value(args, ref i) },
                "--iterations" => options with { Iterations = PositiveInteger(option, Value(args, ref i)) },
                "--arch" => options with { Model = Architecture(Value(args, ref i)) },
                "--model" => options with { ModelPath = Value(args, ref i) },
                "--predict" => options with { Predict = true },
                "--help" or "-h" or "-?" => options with { Help = true },
                _ => throw new UsageException($"Unknown option '{option}'."),
            };
        }
        if (options.Predict && options.ModelPath is null)
            throw new UsageException("--predict needs --model FILE.");
        if (!options.Predict && options.ModelPath is not null)
            throw new UsageException("--model FILE is read with --predict.");
        return options;
    }

    private static string Value(string[] args, ref int i)
    {
        string option = args[i];
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new UsageException($"{option} needs a value.");
        return args[++i];
    }

    private static int PositiveInteger(string option, string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
            throw new UsageException($"{option} expects a whole number of at least 1; '{text}' given.");
        return value;
    }

    private static CatModel Architecture(string key) =>
        CatModel.FromKey(key) ?? throw new UsageException($"--arch expects 'two' or 'deep'; '{key}' given.");
}
