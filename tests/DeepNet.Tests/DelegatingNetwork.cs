using System;

namespace DeepNet.Tests;

/// <summary>
/// A test double over a generated network: forwards every call, then lets a test corrupt the gradients
/// (a deliberately buggy backward pass) or fail a forward pass.
/// </summary>
internal sealed class DelegatingNetwork(INetwork<double> inner) : INetwork<double>
{
    /// <summary>Runs after the inner Backward, on its gradients.</summary>
    public Action<NetworkGradients<double>>? AfterBackward { get; init; }

    /// <summary>When set, the Forward call with this 1-based number throws <see cref="InvalidOperationException"/>.</summary>
    public int? FailingForwardCall { get; init; }

    /// <summary>Forward calls so far.</summary>
    public int ForwardCalls { get; private set; }

    public NetworkArchitecture Architecture => inner.Architecture;

    public Span<double> Parameters => inner.Parameters;

    public void InitializeParameters(int seed) => inner.InitializeParameters(seed);

    public NetworkCache<double> CreateCache(int m) => inner.CreateCache(m);

    public NetworkGradients<double> CreateGradients() => inner.CreateGradients();

    public void Forward(ReadOnlySpan<double> X, NetworkCache<double> cache)
    {
        if (++ForwardCalls == FailingForwardCall)
            throw new InvalidOperationException($"Forward call {ForwardCalls} fails on purpose.");
        inner.Forward(X, cache);
    }

    public double ComputeCost(NetworkCache<double> cache, ReadOnlySpan<double> Y) => inner.ComputeCost(cache, Y);

    public void Backward(ReadOnlySpan<double> X, ReadOnlySpan<double> Y, NetworkCache<double> cache, NetworkGradients<double> grads)
    {
        inner.Backward(X, Y, cache, grads);
        AfterBackward?.Invoke(grads);
    }

    public void UpdateParameters(NetworkGradients<double> grads, double learningRate) => inner.UpdateParameters(grads, learningRate);

    public void Predict(ReadOnlySpan<double> x, Span<double> output) => inner.Predict(x, output);
}
