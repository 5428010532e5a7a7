using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DeepNet.Kernels;

/// <summary>
/// The costs of the three outputs and their gradients. Binary cross-entropy, the course's cost for a sigmoid output:
/// J = −1/m Σ [Y log A + (1 − Y) log(1 − A)] and dA[L] = −(Y/A − (1 − Y)/(1 − A)).
/// A saturated output is read as the nearest probability whose logarithm and reciprocal are finite, so cost and
/// gradients stay finite: only an A of exactly 1, or in [0, 2⁻¹⁰²²) (float: 2⁻¹²⁶), is replaced; every other A is used
/// unchanged, including values outside [0, 1] that tests supply as caches.
/// </summary>
public static class CostKernels
{
    /// <summary>J = −1/m Σ over all nL × m entries of Y log A + (1 − Y) log(1 − A).</summary>
    public static T BinaryCrossEntropy<T>(ReadOnlySpan<T> A, ReadOnlySpan<T> Y, int m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Y = Y[..A.Length];
        T sum = T.Zero;
        for (int i = 0; i < A.Length; i++)
            sum += BinaryCrossEntropyTerm(A[i], Y[i]);
        return -sum / T.CreateTruncating(m);
    }

    /// <summary>dA = −(Y/A − (1 − Y)/(1 − A)), elementwise.</summary>
    public static void BinaryCrossEntropyGradient<T>(ReadOnlySpan<T> A, ReadOnlySpan<T> Y, Span<T> dA) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Y = Y[..A.Length];
        dA = dA[..A.Length];
        for (int i = 0; i < A.Length; i++)
            dA[i] = BinaryCrossEntropyGradient(A[i], Y[i]);
    }

    /// <summary>
    /// Categorical cross-entropy of a softmax output, J = −1/m Σ Y log A, computed from Z[L] (n × m) as
    /// log A = Z − log Σ e^Z (log-sum-exp, shifted by each column's maximum) so that it stays finite and exact.
    /// </summary>
    public static T CategoricalCrossEntropy<T>(ReadOnlySpan<T> Z, ReadOnlySpan<T> Y, int n, int m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Z = Z[..(n * m)];
        Y = Y[..(n * m)];
        T sum = T.Zero;
        for (int j = 0; j < m; j++)
        {
            T max = T.NegativeInfinity;
            for (int i = 0; i < n; i++)
                max = T.Max(max, Z[i * m + j]);
            T exponentials = T.Zero;
            for (int i = 0; i < n; i++)
                exponentials += T.Exp(Z[i * m + j] - max);
            T logSumExp = max + T.Log(exponentials);
            for (int i = 0; i < n; i++)
            {
                T y = Y[i * m + j];
                if (y != T.Zero)
                    sum += y * (Z[i * m + j] - logSumExp);
            }
        }
        return -sum / T.CreateTruncating(m);
    }

    /// <summary>dZ[L] = A[L] − Y: softmax and categorical cross-entropy differentiated together.</summary>
    public static void SoftmaxCrossEntropyGradient<T>(ReadOnlySpan<T> A, ReadOnlySpan<T> Y, Span<T> dZ) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Y = Y[..A.Length];
        dZ = dZ[..A.Length];
        for (int i = 0; i < A.Length; i++)
            dZ[i] = A[i] - Y[i];
    }

    /// <summary>Mean squared error of a linear output, J = 1/(2m) Σ (A − Y)² over all nL × m entries.</summary>
    public static T MeanSquaredError<T>(ReadOnlySpan<T> A, ReadOnlySpan<T> Y, int m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Y = Y[..A.Length];
        T sum = T.Zero;
        for (int i = 0; i < A.Length; i++)
        {
            T d = A[i] - Y[i];
            sum += d * d;
        }
        return sum / T.CreateTruncating(2 * (long)m);
    }

    /// <summary>dA = A − Y: the derivative of ½(A − Y)² per example.</summary>
    public static void MeanSquaredErrorGradient<T>(ReadOnlySpan<T> A, ReadOnlySpan<T> Y, Span<T> dA) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Y = Y[..A.Length];
        dA = dA[..A.Length];
        for (int i = 0; i < A.Length; i++)
            dA[i] = A[i] - Y[i];
    }

    /// <summary>y log a + (1 − y) log(1 − a) for one output and label (a saturated a clamped as the class summary says).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T BinaryCrossEntropyTerm<T>(T a, T y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        a = ClampProbability(a);
        // A 0/1 label needs one logarithm: with a in [0, 1] the other term is exactly ±0, so the sum is the same number.
        // The label picks log's argument by a select, not a branch: labels follow the data.
        if ((a >= T.Zero) & (a <= T.One) & ((y == T.One) | (y == T.Zero)))
            return T.Log(y * a + (T.One - y) * (T.One - a));
        return y * T.Log(a) + (T.One - y) * T.Log(T.One - a);
    }

    /// <summary>da = −(y/a − (1 − y)/(1 − a)) for one output and label (a saturated a clamped as the class summary says).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T BinaryCrossEntropyGradient<T>(T a, T y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        a = ClampProbability(a);
        return -(y / a - (T.One - y) / (T.One - a));
    }

    /// <summary>1 becomes the largest value below 1, and [0, smallest normal) the smallest normal; all else is unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ClampProbability<T>(T a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // 2^-1022 (double) or 2^-126 (float): 1/a and log(a) are finite.
        T low = T.CreateTruncating(typeof(T) == typeof(double) ? 2.2250738585072014E-308 : 1.1754943508222875E-38);
        // The largest value below 1: 1 − 2^-53 (double) or 1 − 2^-24 (float).
        T high = T.CreateTruncating(typeof(T) == typeof(double) ? 0.99999999999999989 : 0.99999994039535522);
        return a == T.One ? high : a >= T.Zero && a < low ? low : a;
    }
}
