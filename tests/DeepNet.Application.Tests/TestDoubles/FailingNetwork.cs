using System;

namespace DeepNet.Application.Tests.TestDoubles;

/// <summary>
/// A network whose parameters cannot be read: <see cref="Parameters"/> throws. Saving it fails after the model file's
/// temporary file was created, as a crash or an I/O error in the middle of a save would.
/// </summary>
internal sealed class FailingNetwork(INetwork<double> inner) : INetwork<double>
{
    public NetworkArchitecture Architecture => inner.Architecture;

    public Span<double> Parameters => throw new InvalidOperationException("The parameters cannot be read (on purpose).");

    public void InitializeParameters(int seed) => inner.InitializeParameters(seed);

    public NetworkCache<double> CreateCache(int m) => inner.CreateCache(m);

    public NetworkGradients<double> CreateGradients() => inner.CreateGradients();

    public void Forward(ReadOnlySpan<double> X, NetworkCache<double> cache) => inner.Forward(X, cache);

    public double ComputeCost(NetworkCache<double> cache, ReadOnlySpan<double> Y) => inner.ComputeCost(cache, Y);

    public void Backward(ReadOnlySpan<double> X, ReadOnlySpan<double> Y, NetworkCache<double> cache, NetworkGradients<double> grads) =>
        inner.Backward(X, Y, cache, grads);

    public void UpdateParameters(NetworkGradients<double> grads, double learningRate) => inner.UpdateParameters(grads, learningRate);

    public void Predict(ReadOnlySpan<double> x, Span<double> output) => inner.Predict(x, output);
}
