using System;
using System.Collections.Generic;

namespace DeepNet.Training.Tests;

/// <summary>
/// A test double over a generated network: forwards every call and records what the trainer did — the batches it
/// passed (feature 0 of each column, which the tests set to the example's number), the cache it used, the parameters
/// at each forward pass and each cost.
/// </summary>
internal sealed class RecordingNetwork(INetwork<double> inner) : INetwork<double>
{
    /// <summary>Feature 0 of every column of every X passed to Forward, one array per call.</summary>
    public List<int[]> Batches { get; } = [];

    /// <summary>The cache of every Forward call.</summary>
    public List<NetworkCache<double>> Caches { get; } = [];

    /// <summary>The parameters at the start of every Forward call.</summary>
    public List<double[]> ParametersAtForward { get; } = [];

    /// <summary>Every cost computed.</summary>
    public List<double> Costs { get; } = [];

    /// <summary>Runs after every Forward call with its 1-based number.</summary>
    public Action<int>? AfterForward { get; init; }

    public NetworkArchitecture Architecture => inner.Architecture;

    public Span<double> Parameters => inner.Parameters;

    public void InitializeParameters(int seed) => inner.InitializeParameters(seed);

    public NetworkCache<double> CreateCache(int m) => inner.CreateCache(m);

    public NetworkGradients<double> CreateGradients() => inner.CreateGradients();

    public void Forward(ReadOnlySpan<double> X, NetworkCache<double> cache)
    {
        int m = cache.ExampleCount;
        var ids = new int[m];
        for (int j = 0; j < m; j++)
            ids[j] = (int)X[j];
        Batches.Add(ids);
        Caches.Add(cache);
        ParametersAtForward.Add(inner.Parameters.ToArray());
        inner.Forward(X, cache);
        AfterForward?.Invoke(Batches.Count);
    }

    public double ComputeCost(NetworkCache<double> cache, ReadOnlySpan<double> Y)
    {
        double cost = inner.ComputeCost(cache, Y);
        Costs.Add(cost);
        return cost;
    }

    public void Backward(ReadOnlySpan<double> X, ReadOnlySpan<double> Y, NetworkCache<double> cache, NetworkGradients<double> grads) =>
        inner.Backward(X, Y, cache, grads);

    public void UpdateParameters(NetworkGradients<double> grads, double learningRate) => inner.UpdateParameters(grads, learningRate);

    public void Predict(ReadOnlySpan<double> x, Span<double> output) => inner.Predict(x, output);
}
