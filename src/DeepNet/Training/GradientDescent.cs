using System;
using System.Numerics;
using DeepNet.Kernels;

namespace DeepNet.Training;

/// <summary>
/// Plain gradient descent, the course's <c>update_parameters</c>: θ = θ − α·dθ for every weight and bias. It keeps no
/// state and gives the same numbers as <see cref="INetwork{T}.UpdateParameters"/>.
/// </summary>
public sealed record GradientDescent : IOptimizer
{
    /// <inheritdoc/>
    public IOptimizerState<T> CreateState<T>(NetworkArchitecture architecture)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return new State<T>(architecture.ParameterCount);
    }

    private sealed class State<T>(int parameterCount) : IOptimizerState<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public int Step { get; private set; }

        public void Update(Span<T> parameters, ReadOnlySpan<T> gradients, T learningRate)
        {
            OptimizerArguments.Lengths(parameterCount, parameters.Length, gradients.Length);
            UpdateKernels.GradientDescent(parameters, gradients, learningRate);
            Step++;
        }
    }
}
