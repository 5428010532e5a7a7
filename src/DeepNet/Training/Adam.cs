using System;
using System.Numerics;

namespace DeepNet.Training;

/// <summary>
/// Adam, the course's <c>update_parameters_with_adam</c> (Course 2, Week 2): at step t = 1, 2, …
/// v = β1·v + (1 − β1)·dθ and s = β2·s + (1 − β2)·dθ², corrected for their zero start as v̂ = v / (1 − β1ᵗ) and
/// ŝ = s / (1 − β2ᵗ), then θ = θ − α·v̂ / (√ŝ + ε).
/// </summary>
public sealed record Adam : IOptimizer
{
    /// <summary>β1: decay of the average of gradients (momentum), in [0, 1); 0.9 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [0, 1).</exception>
    public double Beta1
    {
        get;
        init => field = OptimizerArguments.Beta(value, nameof(Beta1));
    } = 0.9;

    /// <summary>β2: decay of the average of squared gradients (RMSprop), in [0, 1); 0.999 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [0, 1).</exception>
    public double Beta2
    {
        get;
        init => field = OptimizerArguments.Beta(value, nameof(Beta2));
    } = 0.999;

    /// <summary>ε added to √ŝ so that the step stays finite where ŝ is zero: finite and positive, 10⁻⁸ by default.</summary>
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
        return new State<T>(architecture.ParameterCount, this);
    }

    private sealed class State<T>(int parameterCount, Adam settings) : IOptimizerState<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly T[] _v = new T[parameterCount];
        private readonly T[] _s = new T[parameterCount];
        private readonly double _beta1 = settings.Beta1;
        private readonly double _beta2 = settings.Beta2;
        private readonly T _oneMinusBeta1 = T.CreateTruncating(1 - settings.Beta1);
        private readonly T _oneMinusBeta2 = T.CreateTruncating(1 - settings.Beta2);
        private readonly T _epsilon = T.CreateTruncating(settings.Epsilon);

        public int Step { get; private set; }

        public void Update(Span<T> parameters, ReadOnlySpan<T> gradients, T learningRate)
        {
            OptimizerArguments.Lengths(_v.Length, parameters.Length, gradients.Length);
            int t = Step + 1;
            T beta1 = T.CreateTruncating(_beta1);
            T beta2 = T.CreateTruncating(_beta2);
            // The bias corrections 1 − β1ᵗ and 1 − β2ᵗ, in double as the course's np.power computes them.
            T correction1 = T.CreateTruncating(1 - Math.Pow(_beta1, t));
            T correction2 = T.CreateTruncating(1 - Math.Pow(_beta2, t));
            Span<T> v = _v;
            Span<T> s = _s;
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var b1 = new Vector<T>(beta1);
                var b2 = new Vector<T>(beta2);
                var c1 = new Vector<T>(_oneMinusBeta1);
                var c2 = new Vector<T>(_oneMinusBeta2);
                var corrected1 = new Vector<T>(correction1);
                var corrected2 = new Vector<T>(correction2);
                var epsilon = new Vector<T>(_epsilon);
                var alpha = new Vector<T>(learningRate);
                for (; i <= v.Length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    // Same operations in the same order as the scalar loop below, so both give the same bits.
                    var g = new Vector<T>(gradients[i..]);
                    Vector<T> vi = b1 * new Vector<T>(v[i..]) + c1 * g;
                    Vector<T> si = b2 * new Vector<T>(s[i..]) + c2 * (g * g);
                    vi.CopyTo(v[i..]);
                    si.CopyTo(s[i..]);
                    Vector<T> step = alpha * (vi / corrected1) / (Vector.SquareRoot(si / corrected2) + epsilon);
                    (new Vector<T>(parameters[i..]) - step).CopyTo(parameters[i..]);
                }
            }
            for (; i < v.Length; i++)
            {
                // v = β1·v + (1 − β1)·dθ;  s = β2·s + (1 − β2)·dθ²;  θ = θ − α·v̂ / (√ŝ + ε)
                T g = gradients[i];
                v[i] = beta1 * v[i] + _oneMinusBeta1 * g;
                s[i] = beta2 * s[i] + _oneMinusBeta2 * (g * g);
                parameters[i] -= learningRate * (v[i] / correction1) / (T.Sqrt(s[i] / correction2) + _epsilon);
            }
            Step = t;
        }
    }
}
