using System;
using System.Numerics;
using System.Numerics.Tensors;

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
        for (int i = 0; i < Z.Length; i++)
            dZ[i] = Z[i] > T.Zero ? dA[i] : T.Zero;
    }

    /// <summary>A = Z where Z &gt; 0, else 0.01·Z.</summary>
    public static void LeakyRelu<T>(ReadOnlySpan<T> Z, Span<T> A) where T : unmanaged, IFloatingPointIeee754<T>
    {
        A = A[..Z.Length];
        T slope = T.CreateTruncating(LeakySlope);
        for (int i = 0; i < Z.Length; i++)
            A[i] = Z[i] > T.Zero ? Z[i] : slope * Z[i];
    }

    /// <summary>dZ = dA where Z &gt; 0, else 0.01·dA.</summary>
    public static void LeakyReluBackward<T>(ReadOnlySpan<T> dA, ReadOnlySpan<T> Z, Span<T> dZ) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dA = dA[..Z.Length];
        dZ = dZ[..Z.Length];
        T slope = T.CreateTruncating(LeakySlope);
        for (int i = 0; i < Z.Length; i++)
            dZ[i] = Z[i] > T.Zero ? dA[i] : slope * dA[i];
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
        {
            T t = T.Tanh(Z[i]);
            dZ[i] = dA[i] * (T.One - t * t);
        }
    }

    /// <summary>A = σ(Z) = 1 / (1 + e^−Z).</summary>
    public static void Sigmoid<T>(ReadOnlySpan<T> Z, Span<T> A) where T : unmanaged, IFloatingPointIeee754<T>
    {
        A = A[..Z.Length];
        for (int i = 0; i < Z.Length; i++)
            A[i] = T.One / (T.One + T.Exp(-Z[i]));
    }

    /// <summary>dZ = dA * σ(Z)(1 − σ(Z)).</summary>
    public static void SigmoidBackward<T>(ReadOnlySpan<T> dA, ReadOnlySpan<T> Z, Span<T> dZ) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dA = dA[..Z.Length];
        dZ = dZ[..Z.Length];
        for (int i = 0; i < Z.Length; i++)
        {
            T s = T.One / (T.One + T.Exp(-Z[i]));
            dZ[i] = dA[i] * s * (T.One - s);
        }
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
}
