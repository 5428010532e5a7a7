using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeepNet.Kernels;

/// <summary>256-bit vectors (AVX2 or wider): 16 registers on x64, so tiles of up to 6 × 2 and 1 × 8 accumulators.</summary>
internal unsafe struct Simd256<T> : ISimdOps<T, Vector256<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool IsSupported => Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported;

    public static int Count => Vector256<T>.Count;

    public static int BroadcastRows => 6;

    public static int DotRows => 1;

    public static Vector256<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256<T>.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(T* source) => Vector256.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T* destination, Vector256<T> value) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> addend)
    {
        // Fused where the CPU has FMA, a multiply and an add otherwise.
        if (typeof(T) == typeof(double))
            return Vector256.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), addend.AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector256.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), addend.AsSingle()).As<float, T>();
        return a * b + addend;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> And(Vector256<T> a, Vector256<T> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LastLanes(int count) =>
        Vector256.GreaterThanOrEqual(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(Vector256<T>.Count - count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256<T> value) => Vector256.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sum8(Vector256<T> v0, Vector256<T> v1, Vector256<T> v2, Vector256<T> v3,
        Vector256<T> v4, Vector256<T> v5, Vector256<T> v6, Vector256<T> v7, T* sums)
    {
        sums[0] = Vector256.Sum(v0); sums[1] = Vector256.Sum(v1); sums[2] = Vector256.Sum(v2); sums[3] = Vector256.Sum(v3);
        sums[4] = Vector256.Sum(v4); sums[5] = Vector256.Sum(v5); sums[6] = Vector256.Sum(v6); sums[7] = Vector256.Sum(v7);
    }
}
