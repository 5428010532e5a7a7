using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeepNet.Kernels;

/// <summary>128-bit vectors (SSE, Arm AdvSimd): tiles of up to 6 × 2 and 1 × 8 accumulators, sized for 16 registers.</summary>
internal unsafe struct Simd128<T> : ISimdOps<T, Vector128<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool IsSupported => Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported;

    public static int Count => Vector128<T>.Count;

    public static int BroadcastRows => 6;

    public static int DotRows => 1;

    public static Vector128<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128<T>.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(T* source) => Vector128.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T* destination, Vector128<T> value) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> addend)
    {
        // Fused where the CPU has FMA, a multiply and an add otherwise.
        if (typeof(T) == typeof(double))
            return Vector128.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), addend.AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector128.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), addend.AsSingle()).As<float, T>();
        return a * b + addend;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> And(Vector128<T> a, Vector128<T> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LastLanes(int count) =>
        Vector128.GreaterThanOrEqual(Vector128<T>.Indices, Vector128.Create(T.CreateTruncating(Vector128<T>.Count - count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector128<T> value) => Vector128.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sum8(Vector128<T> v0, Vector128<T> v1, Vector128<T> v2, Vector128<T> v3,
        Vector128<T> v4, Vector128<T> v5, Vector128<T> v6, Vector128<T> v7, T* sums)
    {
        sums[0] = Vector128.Sum(v0); sums[1] = Vector128.Sum(v1); sums[2] = Vector128.Sum(v2); sums[3] = Vector128.Sum(v3);
        sums[4] = Vector128.Sum(v4); sums[5] = Vector128.Sum(v5); sums[6] = Vector128.Sum(v6); sums[7] = Vector128.Sum(v7);
    }
}
