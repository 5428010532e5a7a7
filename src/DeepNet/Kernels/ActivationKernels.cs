using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace DeepNet.Kernels;

/// <summary>
/// A = g(Z) and dZ = dA * g'(Z) for each activation, elementwise. The derivative is always computed from Z,
/// as the lecture does, so that externally supplied caches give the lecture's numbers.
/// </summary>
public static class ActivationKernels
{
    /// <summary>The slope of leaky relu for z ≤ 0.</summary>
    public const double LeakySlope = 0.01;

    /// <summary>A = max(0, Z).</summary>
    public static void Relu<T>(ReadOnlySpan<T> Z, Span<T> A) where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Max(Z, T.Zero, A[..Z.Length]);

    /// <summary>dZ = dA where Z &gt; 0, else 0.</summary>
    public static void ReluBackward<T>(ReadOnlySpan<T> dA, ReadOnlySpan<T> Z, Span<T> dZ) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dA = dA[..Z.Length];
        dZ = dZ[..Z.Length];
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= Z.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> positive = Vector.GreaterThan(new Vector<T>(Z[i..]), Vector<T>.Zero);
                Vector.ConditionalSelect(positive, new Vector<T>(dA[i..]), Vector<T>.Zero).CopyTo(dZ[i..]);
            }
        }
        for (; i < Z.Length; i++)
            dZ[i] = ReluBackward(dA[i], Z[i]);
    }

    /// <summary>A = Z where Z &gt; 0, else 0.01·Z.</summary>
    public static void LeakyRelu<T>(ReadOnlySpan<T> Z, Span<T> A) where T : unmanaged, IFloatingPointIeee754<T>
    {
        A = A[..Z.Length];
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var slope = new Vector<T>(T.CreateTruncating(LeakySlope));
            for (; i <= Z.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var z = new Vector<T>(Z[i..]);
                Vector.ConditionalSelect(Vector.GreaterThan(z, Vector<T>.Zero), z, slope * z).CopyTo(A[i..]);
            }
        }
        for (; i < Z.Length; i++)
            A[i] = LeakyRelu(Z[i]);
    }

    /// <summary>dZ = dA where Z &gt; 0, else 0.01·dA.</summary>
    public static void LeakyReluBackward<T>(ReadOnlySpan<T> dA, ReadOnlySpan<T> Z, Span<T> dZ) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dA = dA[..Z.Length];
        dZ = dZ[..Z.Length];
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var slope = new Vector<T>(T.CreateTruncating(LeakySlope));
            for (; i <= Z.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var d = new Vector<T>(dA[i..]);
                Vector.ConditionalSelect(Vector.GreaterThan(new Vector<T>(Z[i..]), Vector<T>.Zero), d, slope * d).CopyTo(dZ[i..]);
            }
        }
        for (; i < Z.Length; i++)
            dZ[i] = LeakyReluBackward(dA[i], Z[i]);
    }

    /// <summary>A = tanh(Z).</summary>
    public static void Tanh<T>(ReadOnlySpan<T> Z, Span<T> A) where T : unmanaged, IFloatingPointIeee754<T>
    {
        A = A[..Z.Length];
        for (int i = 0; i < Z.Length; i++)
            A[i] = T.Tanh(Z[i]);
    }

    /// <summary>dZ = dA * (1 − tanh²(Z)).</summary>
    public static void TanhBackward<T>(ReadOnlySpan<T> dA, ReadOnlySpan<T> Z, Span<T> dZ) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dA = dA[..Z.Length];
        dZ = dZ[..Z.Length];
        for (int i = 0; i < Z.Length; i++)
            dZ[i] = TanhBackward(dA[i], Z[i]);
    }

    /// <summary>A = σ(Z) = 1 / (1 + e^−Z).</summary>
    public static void Sigmoid<T>(ReadOnlySpan<T> Z, Span<T> A) where T : unmanaged, IFloatingPointIeee754<T>
    {
        A = A[..Z.Length];
        for (int i = 0; i < Z.Length; i++)
            A[i] = Sigmoid(Z[i]);
    }

    /// <summary>dZ = dA * σ(Z)(1 − σ(Z)).</summary>
    public static void SigmoidBackward<T>(ReadOnlySpan<T> dA, ReadOnlySpan<T> Z, Span<T> dZ) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dA = dA[..Z.Length];
        dZ = dZ[..Z.Length];
        for (int i = 0; i < Z.Length; i++)
            dZ[i] = SigmoidBackward(dA[i], Z[i]);
    }

    /// <summary>A = Z.</summary>
    public static void Linear<T>(ReadOnlySpan<T> Z, Span<T> A) where T : unmanaged, IFloatingPointIeee754<T> =>
        Z.CopyTo(A);

    /// <summary>dZ = dA.</summary>
    public static void LinearBackward<T>(ReadOnlySpan<T> dA, ReadOnlySpan<T> Z, Span<T> dZ) where T : unmanaged, IFloatingPointIeee754<T> =>
        dA[..Z.Length].CopyTo(dZ);

    /// <summary>A = softmax(Z) over each column (example) of the n × m matrix Z: e^(z − max) / Σ e^(z − max), which never overflows.</summary>
    public static void Softmax<T>(ReadOnlySpan<T> Z, Span<T> A, int n, int m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Z = Z[..(n * m)];
        A = A[..(n * m)];
        for (int j = 0; j < m; j++)
        {
            T max = T.NegativeInfinity;
            for (int i = 0; i < n; i++)
                max = T.Max(max, Z[i * m + j]);
            T sum = T.Zero;
            for (int i = 0; i < n; i++)
            {
                T e = T.Exp(Z[i * m + j] - max);
                A[i * m + j] = e;
                sum += e;
            }
            for (int i = 0; i < n; i++)
                A[i * m + j] /= sum;
        }
    }

    // One value at a time: the span kernels above and the unrolled code generated for small networks share these, so
    // both compute the same numbers.

    /// <summary>a = max(0, z); NaN stays NaN and −0 becomes 0, as in the span kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Relu<T>(T z) where T : unmanaged, IFloatingPointIeee754<T> => z <= T.Zero ? T.Zero : z;

    /// <summary>dz = da where z &gt; 0, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ReluBackward<T>(T dA, T z) where T : unmanaged, IFloatingPointIeee754<T> => z > T.Zero ? dA : T.Zero;

    /// <summary>a = z where z &gt; 0, else 0.01·z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LeakyRelu<T>(T z) where T : unmanaged, IFloatingPointIeee754<T> =>
        z > T.Zero ? z : T.CreateTruncating(LeakySlope) * z;

    /// <summary>dz = da where z &gt; 0, else 0.01·da.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LeakyReluBackward<T>(T dA, T z) where T : unmanaged, IFloatingPointIeee754<T> =>
        z > T.Zero ? dA : T.CreateTruncating(LeakySlope) * dA;

    /// <summary>a = tanh(z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Tanh<T>(T z) where T : unmanaged, IFloatingPointIeee754<T> => T.Tanh(z);

    /// <summary>dz = da · (1 − tanh²(z)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhBackward<T>(T dA, T z) where T : unmanaged, IFloatingPointIeee754<T> => TanhBackwardFromOutput(dA, T.Tanh(z));

    /// <summary>dz = da · (1 − a²) with a = tanh(z) already known: the same number as <see cref="TanhBackward{T}(T, T)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhBackwardFromOutput<T>(T dA, T a) where T : unmanaged, IFloatingPointIeee754<T> => dA * (T.One - a * a);

    /// <summary>a = σ(z) = 1 / (1 + e^−z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sigmoid<T>(T z) where T : unmanaged, IFloatingPointIeee754<T> => T.One / (T.One + T.Exp(-z));

    /// <summary>dz = da · σ(z)(1 − σ(z)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidBackward<T>(T dA, T z) where T : unmanaged, IFloatingPointIeee754<T> => SigmoidBackwardFromOutput(dA, Sigmoid(z));

    /// <summary>dz = da · a(1 − a) with a = σ(z) already known: the same number as <see cref="SigmoidBackward{T}(T, T)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidBackwardFromOutput<T>(T dA, T a) where T : unmanaged, IFloatingPointIeee754<T> => dA * a * (T.One - a);
}
