using System;
using System.Numerics;

namespace DeepNet.Kernels;

/// <summary>The register width the matrix products run with.</summary>
internal enum VectorWidth
{
    /// <summary>Plain scalar loops, for CPUs without SIMD.</summary>
    Scalar = 1,

    /// <summary><see cref="Simd128{T}"/>.</summary>
    Bits128 = 128,

    /// <summary><see cref="Simd256{T}"/>.</summary>
    Bits256 = 256,

    /// <summary><see cref="Simd512{T}"/>.</summary>
    Bits512 = 512,
}

/// <summary>Chooses the widest accelerated <see cref="VectorWidth"/>, unless a test pins one for its thread.</summary>
internal static class VectorWidths
{
    [ThreadStatic] private static VectorWidth t_override;

    /// <summary>
    /// Pins the width for products called from this thread (tests cover every path on one machine); null restores
    /// the automatic choice.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">This CPU does not accelerate the width.</exception>
    public static VectorWidth? ThreadOverride
    {
        get => t_override == 0 ? null : t_override;
        set
        {
            if (value is { } width && !IsSupported<double>(width))
                throw new PlatformNotSupportedException($"This CPU does not accelerate {width}.");
            t_override = value ?? 0;
        }
    }

    /// <summary>The width for <typeparamref name="T"/> on this thread.</summary>
    public static VectorWidth Select<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (t_override != 0)
            return t_override;
        if (Simd512<T>.IsSupported)
            return VectorWidth.Bits512;
        if (Simd256<T>.IsSupported)
            return VectorWidth.Bits256;
        if (Simd128<T>.IsSupported)
            return VectorWidth.Bits128;
        return VectorWidth.Scalar;
    }

    /// <summary>True when this CPU runs <paramref name="width"/> in hardware for <typeparamref name="T"/>.</summary>
    public static bool IsSupported<T>(VectorWidth width) where T : unmanaged, IFloatingPointIeee754<T> => width switch
    {
        VectorWidth.Bits512 => Simd512<T>.IsSupported,
        VectorWidth.Bits256 => Simd256<T>.IsSupported,
        VectorWidth.Bits128 => Simd128<T>.IsSupported,
        _ => true,
    };

    /// <summary>Most rows of <see cref="BroadcastKernel"/>'s tile at <paramref name="width"/>.</summary>
    public static int BroadcastRows(VectorWidth width) => width switch
    {
        VectorWidth.Bits512 => Simd512<double>.BroadcastRows,
        VectorWidth.Bits256 => Simd256<double>.BroadcastRows,
        VectorWidth.Bits128 => Simd128<double>.BroadcastRows,
        _ => 1,
    };

    /// <summary>Lanes of <typeparamref name="T"/> per vector of <paramref name="width"/> (1 for scalar).</summary>
    public static unsafe int Lanes<T>(VectorWidth width) where T : unmanaged => width == VectorWidth.Scalar ? 1 : (int)width / 8 / sizeof(T);
}
