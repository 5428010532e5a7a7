using System;
using System.Numerics;

namespace DeepNet.Training;

/// <summary>
/// RMSprop (Course 2, Week 2): an exponentially weighted average of the squared gradients, s = β·s + (1 − β)·dθ², then
/// θ = θ − α·dθ / (√s + ε), with s starting at zero and no bias correction.
/// </summary>
public sealed record RmsProp : IOptimizer
{
    /// <summary>β: how much of the previous average of squares is kept, in [0, 1); 0.9 by default (Hinton's suggestion, as in Keras).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [0, 1).</exception>
    public double Beta
    {
        get;
        init => field = OptimizerArguments.Beta(value, nameof(Beta));
    } = 0.9;

    /// <summary>ε added to √s so that the step stays finite where s is zero: finite and positive, 10⁻⁸ by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not finite and positive.</exception>
    public double Epsilon
    {
        get;
        init => field = OptimizerArguments.Epsilon(value, nameof(Epsilon));
    } = 1e-8;

    /// <inheritdoc/>
    public IOptimizerState<T> CreateState<T>(NetworkArchitecture architecture)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return new State<T>(architecture.ParameterCount, Beta, Epsilon);
    }

    private sealed class State<T>(int parameterCount, double beta, double epsilon) : IOptimizerState<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly T[] _squares = new T[parameterCount];
        private readonly T _beta = T.CreateTruncating(beta);
        private readonly T _oneMinusBeta = T.CreateTruncating(1 - beta);
        private readonly T _epsilon = T.CreateTruncating(epsilon);

        public int Step { get; private set; }

        public void Update(Span<T> parameters, ReadOnlySpan<T> gradients, T learningRate)
        {
            OptimizerArguments.Lengths(_squares.Length, parameters.Length, gradients.Length);
            Span<T> s = _squares;
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var beta = new Vector<T>(_beta);
                var oneMinusBeta = new Vector<T>(_oneMinusBeta);
                var epsilon = new Vector<T>(_epsilon);
                var alpha = new Vector<T>(learningRate);
                for (; i <= s.Length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    // Same operations in the same order as the scalar loop below, so both give the same bits.
                    var g = new Vector<T>(gradients[i..]);
                    Vector<T> si = beta * new Vector<T>(s[i..]) + oneMinusBeta * (g * g);
                    si.CopyTo(s[i..]);
                    (new Vector<T>(parameters[i..]) - alpha * g / (Vector.SquareRoot(si) + epsilon)).CopyTo(parameters[i..]);
                }
            }
            for (; i < s.Length; i++)
            {
                // s = β·s + (1 − β)·dθ²;  θ = θ − α·dθ / (√s + ε)
                T g = gradients[i];
                s[i] = _beta * s[i] + _oneMinusBeta * (g * g);
                parameters[i] -= learningRate * g / (T.Sqrt(s[i]) + _epsilon);
            }
            Step++;
        }
    }
}
