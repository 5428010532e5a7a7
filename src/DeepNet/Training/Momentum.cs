using System;
using System.Numerics;

namespace DeepNet.Training;

/// <summary>
/// Gradient descent with momentum, the course's <c>update_parameters_with_momentum</c> (Course 2, Week 2): an exponentially
/// weighted average of the gradients, v = β·v + (1 − β)·dθ, then θ = θ − α·v, with v starting at zero.
/// </summary>
public sealed record Momentum : IOptimizer
{
    /// <summary>β: how much of the previous velocity is kept, in [0, 1); the course's 0.9 by default. β = 0 is plain gradient descent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [0, 1).</exception>
    public double Beta
    {
        get;
        init => field = OptimizerArguments.Beta(value, nameof(Beta));
    } = 0.9;

    /// <inheritdoc/>
    public IOptimizerState<T> CreateState<T>(NetworkArchitecture architecture)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return new State<T>(architecture.ParameterCount, Beta);
    }

    private sealed class State<T>(int parameterCount, double beta) : IOptimizerState<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly T[] _velocity = new T[parameterCount];
        private readonly T _beta = T.CreateTruncating(beta);
        private readonly T _oneMinusBeta = T.CreateTruncating(1 - beta);

        public int Step { get; private set; }

        public void Update(Span<T> parameters, ReadOnlySpan<T> gradients, T learningRate)
        {
            OptimizerArguments.Lengths(_velocity.Length, parameters.Length, gradients.Length);
            Span<T> v = _velocity;
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var beta = new Vector<T>(_beta);
                var oneMinusBeta = new Vector<T>(_oneMinusBeta);
                var alpha = new Vector<T>(learningRate);
                for (; i <= v.Length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    // Same operations in the same order as the scalar loop below, so both give the same bits.
                    Vector<T> vi = beta * new Vector<T>(v[i..]) + oneMinusBeta * new Vector<T>(gradients[i..]);
                    vi.CopyTo(v[i..]);
                    (new Vector<T>(parameters[i..]) - alpha * vi).CopyTo(parameters[i..]);
                }
            }
            for (; i < v.Length; i++)
            {
                // v = β·v + (1 − β)·dθ;  θ = θ − α·v
                v[i] = _beta * v[i] + _oneMinusBeta * gradients[i];
                parameters[i] -= learningRate * v[i];
            }
            Step++;
        }
    }
}
