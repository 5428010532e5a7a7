using System;
using System.Numerics;

namespace DeepNet.Kernels;

/// <summary>
/// Binary cross-entropy, the course's cost for a sigmoid output:
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
        {
            T a = ClampProbability(A[i]);
            T y = Y[i];
            sum += y * T.Log(a) + (T.One - y) * T.Log(T.One - a);
        }
        return -sum / T.CreateTruncating(m);
    }

    /// <summary>dA = −(Y/A − (1 − Y)/(1 − A)), elementwise.</summary>
    public static void BinaryCrossEntropyGradient<T>(ReadOnlySpan<T> A, ReadOnlySpan<T> Y, Span<T> dA) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Y = Y[..A.Length];
        dA = dA[..A.Length];
        for (int i = 0; i < A.Length; i++)
        {
            T a = ClampProbability(A[i]);
            T y = Y[i];
            dA[i] = -(y / a - (T.One - y) / (T.One - a));
        }
    }

    /// <summary>1 becomes the largest value below 1, and [0, smallest normal) the smallest normal; all else is unchanged.</summary>
    private static T ClampProbability<T>(T a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // 2^-1022 (double) or 2^-126 (float): 1/a and log(a) are finite.
        T low = T.CreateTruncating(typeof(T) == typeof(double) ? 2.2250738585072014E-308 : 1.1754943508222875E-38);
        T high = T.BitDecrement(T.One);
        return a == T.One ? high : a >= T.Zero && a < low ? low : a;
    }
}
