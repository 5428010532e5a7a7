using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DeepNet.Kernels;

/// <summary>512-bit vectors (AVX-512): 32 registers, so tiles of up to 12 × 2 and 3 × 8 accumulators.</summary>
internal unsafe struct Simd512<T> : ISimdOps<T, Vector512<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Vector512<T>.IsSupported;

    public static int Count => Vector512<T>.Count;

    public static int BroadcastRows => 12;

    public static int DotRows => 3;

    public static Vector512<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512<T>.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(T* source) => Vector512.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T* destination, Vector512<T> value) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> addend)
    {
        if (typeof(T) == typeof(double))
            return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), addend.AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), addend.AsSingle()).As<float, T>();
        return a * b + addend;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> And(Vector512<T> a, Vector512<T> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LastLanes(int count) =>
        Vector512.GreaterThanOrEqual(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(Vector512<T>.Count - count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512<T> value) => Vector512.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sum8(Vector512<T> v0, Vector512<T> v1, Vector512<T> v2, Vector512<T> v3,
        Vector512<T> v4, Vector512<T> v5, Vector512<T> v6, Vector512<T> v7, T* sums)
    {
        if (typeof(T) == typeof(double))
        {
            Sum8(v0.AsDouble(), v1.AsDouble(), v2.AsDouble(), v3.AsDouble(), v4.AsDouble(), v5.AsDouble(), v6.AsDouble(), v7.AsDouble())
                .Store((double*)sums);
        }
        else if (typeof(T) == typeof(float))
        {
            Sum8(v0.AsSingle(), v1.AsSingle(), v2.AsSingle(), v3.AsSingle(), v4.AsSingle(), v5.AsSingle(), v6.AsSingle(), v7.AsSingle())
                .Store((float*)sums);
        }
        else
        {
            sums[0] = Sum(v0); sums[1] = Sum(v1); sums[2] = Sum(v2); sums[3] = Sum(v3);
            sums[4] = Sum(v4); sums[5] = Sum(v5); sums[6] = Sum(v6); sums[7] = Sum(v7);
        }
    }

    /// <summary>Transposing butterfly: lane i of the result is the sum of vi (21 shuffles and adds instead of 8 full reductions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Sum8(Vector512<double> v0, Vector512<double> v1, Vector512<double> v2, Vector512<double> v3,
        Vector512<double> v4, Vector512<double> v5, Vector512<double> v6, Vector512<double> v7)
    {
        // Adjacent lanes: each 128-bit block of s01 holds (v0, v1) partial sums, and so on.
        Vector512<double> s01 = Avx512F.UnpackLow(v0, v1) + Avx512F.UnpackHigh(v0, v1);
        Vector512<double> s23 = Avx512F.UnpackLow(v2, v3) + Avx512F.UnpackHigh(v2, v3);
        Vector512<double> s45 = Avx512F.UnpackLow(v4, v5) + Avx512F.UnpackHigh(v4, v5);
        Vector512<double> s67 = Avx512F.UnpackLow(v6, v7) + Avx512F.UnpackHigh(v6, v7);
        // Blocks 0+1 and 2+3: u holds (v0, v1), (v0, v1), (v2, v3), (v2, v3) halves.
        Vector512<double> u = Avx512F.Shuffle4x128(s01, s23, 0b10_00_10_00) + Avx512F.Shuffle4x128(s01, s23, 0b11_01_11_01);
        Vector512<double> w = Avx512F.Shuffle4x128(s45, s67, 0b10_00_10_00) + Avx512F.Shuffle4x128(s45, s67, 0b11_01_11_01);
        return Avx512F.Shuffle4x128(u, w, 0b10_00_10_00) + Avx512F.Shuffle4x128(u, w, 0b11_01_11_01);
    }

    /// <summary>Halves folded to 256 bits, then horizontal adds: lane i of the result is the sum of vi.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Sum8(Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3,
        Vector512<float> v4, Vector512<float> v5, Vector512<float> v6, Vector512<float> v7)
    {
        Vector256<float> h01 = Avx.HorizontalAdd(v0.GetLower() + v0.GetUpper(), v1.GetLower() + v1.GetUpper());
        Vector256<float> h23 = Avx.HorizontalAdd(v2.GetLower() + v2.GetUpper(), v3.GetLower() + v3.GetUpper());
        Vector256<float> h45 = Avx.HorizontalAdd(v4.GetLower() + v4.GetUpper(), v5.GetLower() + v5.GetUpper());
        Vector256<float> h67 = Avx.HorizontalAdd(v6.GetLower() + v6.GetUpper(), v7.GetLower() + v7.GetUpper());
        // Each 128-bit half of h0123 holds one partial sum of v0 … v3.
        Vector256<float> h0123 = Avx.HorizontalAdd(h01, h23);
        Vector256<float> h4567 = Avx.HorizontalAdd(h45, h67);
        return Avx.Permute2x128(h0123, h4567, 0x20) + Avx.Permute2x128(h0123, h4567, 0x31);
    }
}
