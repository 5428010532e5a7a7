using System;
using System.Numerics;

namespace DeepNet.Training;

/// <summary>
/// One run of an <see cref="IOptimizer"/>: its state arrays, allocated once, and its update rule. Each
/// <see cref="Update"/> is one step t = 1, 2, … and allocates nothing.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public interface IOptimizerState<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The number of updates made so far: t of the last step, 0 before the first.</summary>
    int Step { get; }

    /// <summary>
    /// Updates <paramref name="parameters"/> (θ = W1, b1, W2, b2, …) in place from <paramref name="gradients"/> (dθ, the same
    /// layout) with learning rate α = <paramref name="learningRate"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The spans' lengths differ from the parameter count the state was made for.</exception>
    void Update(Span<T> parameters, ReadOnlySpan<T> gradients, T learningRate);
}
