using System;
using System.Numerics;

namespace DeepNet;

/// <summary>
/// Implemented by every generated network with element type <typeparamref name="T"/>: the course's steps over
/// the network's own fixed shapes, so that training loops, gradient checking and saving need no generated code.
/// Matrices are flat and row-major; batches hold one example per column (X is n0 × m).
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public interface INetwork<T> : INetwork
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>All parameters W1, b1, W2, b2, … in one span, laid out as <see cref="NetworkArchitecture"/> describes; writable in place.</summary>
    Span<T> Parameters { get; }

    /// <summary>He initialisation for relu and leaky_relu layers, Xavier for the others; biases zero; deterministic for a seed.</summary>
    void InitializeParameters(int seed);

    /// <summary>A cache for batches of <paramref name="m"/> examples.</summary>
    NetworkCache<T> CreateCache(int m);

    /// <summary>Gradients in the parameters' shapes.</summary>
    NetworkGradients<T> CreateGradients();

    /// <summary>Z[l] = W[l]·A[l−1] + b[l], A[l] = g[l](Z[l]) for l = 1 … L, with A[0] = X (n0 × m).</summary>
    void Forward(ReadOnlySpan<T> X, NetworkCache<T> cache);

    /// <summary>The cost of the last <see cref="Forward"/> against labels Y (nL × m).</summary>
    T ComputeCost(NetworkCache<T> cache, ReadOnlySpan<T> Y);

    /// <summary>The gradients of the cost after <see cref="Forward"/>: dA[L] from A[L] and Y, then dZ, dW, db and dA layer by layer down to layer 1.</summary>
    void Backward(ReadOnlySpan<T> X, ReadOnlySpan<T> Y, NetworkCache<T> cache, NetworkGradients<T> grads);

    /// <summary>W[l] −= α·dW[l] and b[l] −= α·db[l] for every layer.</summary>
    void UpdateParameters(NetworkGradients<T> grads, T learningRate);

    /// <summary>
    /// One step of batch gradient descent: <see cref="Forward"/>, <see cref="ComputeCost"/>, <see cref="Backward"/> and
    /// <see cref="UpdateParameters"/> in one call, returning the cost before the update. Generated networks implement it
    /// with every argument checked before anything changes, and small networks in one unrolled pass; this default
    /// makes the four calls.
    /// </summary>
    T TrainingStep(ReadOnlySpan<T> X, ReadOnlySpan<T> Y, NetworkCache<T> cache, NetworkGradients<T> grads, T learningRate)
    {
        Forward(X, cache);
        T cost = ComputeCost(cache, Y);
        Backward(X, Y, cache, grads);
        UpdateParameters(grads, learningRate);
        return cost;
    }

    /// <summary>A[L] for one example x (n0 values) into <paramref name="output"/> (nL values); safe to call from many threads at once.</summary>
    void Predict(ReadOnlySpan<T> x, Span<T> output);
}
