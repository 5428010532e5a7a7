using System.Numerics;

namespace DeepNet.Training;

/// <summary>
/// An optimization algorithm's settings (β, ε, …): immutable and shareable between runs. Each training run asks it for
/// a fresh <see cref="IOptimizerState{T}"/> that holds the run's moving averages and step count.
/// Implement both interfaces to add an algorithm; <see cref="Trainer"/> calls nothing else.
/// </summary>
public interface IOptimizer
{
    /// <summary>
    /// Allocates the state of one run for the parameters of <paramref name="architecture"/> (laid out W1, b1, W2, b2, …),
    /// zeroed as the course's <c>initialize_velocity</c> and <c>initialize_adam</c> do.
    /// </summary>
    IOptimizerState<T> CreateState<T>(NetworkArchitecture architecture)
        where T : unmanaged, IFloatingPointIeee754<T>;
}
