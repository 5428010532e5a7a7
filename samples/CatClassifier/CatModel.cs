using System;
using System.Collections.Generic;
using DeepNet;

namespace CatClassifier;

/// <summary>One of the notebook's two models: its network, its initialisation and the names of its output files.</summary>
/// <param name="Key">The <c>--arch</c> value: <c>two</c> or <c>deep</c>.</param>
/// <param name="Title">As the notebook names it.</param>
/// <param name="FileStem">The start of its output file names.</param>
/// <param name="Initialization">The course's initialisation for this model (numpy seed <see cref="Seed"/>).</param>
/// <param name="Create">A new network with zero parameters.</param>
public sealed record CatModel(string Key, string Title, string FileStem, ParameterInitialization Initialization, Func<ICatNetwork> Create)
{
    /// <summary>The notebook seeds numpy with 1 before initialising either model.</summary>
    public const int Seed = 1;

    /// <summary>The notebook's learning rate for both models.</summary>
    public const double LearningRate = 0.0075;

    /// <summary>The notebook's number of iterations for both models.</summary>
    public const int Iterations = 2500;

    /// <summary>The notebook prints the cost every this many iterations (and at the last one).</summary>
    public const int CourseReportInterval = 100;

    /// <summary>12288 → 7 → 1, W = randn · 0.01.</summary>
    public static CatModel TwoLayer { get; } =
        new("two", "Two-layer model", "two-layer-model", ParameterInitialization.CourseScaled, () => new TwoLayerCatNet());

    /// <summary>12288 → 20 → 7 → 5 → 1, W[l] = randn / √n[l−1].</summary>
    public static CatModel Deep { get; } =
        new("deep", "L-layer model", "l-layer-model", ParameterInitialization.CourseDeep, () => new DeepCatNet());

    /// <summary>Both models, in the notebook's order.</summary>
    public static IReadOnlyList<CatModel> All { get; } = [TwoLayer, Deep];

    /// <summary>The layer sizes, activations and precision of this model's network.</summary>
    public NetworkArchitecture Architecture => Create().Architecture;

    /// <summary>The model whose <see cref="Key"/> is <paramref name="key"/>, or null.</summary>
    public static CatModel? FromKey(string key)
    {
        foreach (CatModel model in All)
        {
            if (string.Equals(model.Key, key, StringComparison.OrdinalIgnoreCase))
                return model;
        }
        return null;
    }

    /// <summary>A new network initialised as the notebook does.</summary>
    public ICatNetwork CreateInitialized()
    {
        ICatNetwork network = Create();
        ParameterInitializer.Initialize(network, Seed, Initialization);
        return network;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Title} ({Architecture})";
}
