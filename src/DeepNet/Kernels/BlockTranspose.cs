using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DeepNet.Kernels;

/// <summary>
/// In-register transposes of one square block of 512-bit vectors (8 × 8 double, 16 × 16 float) with AVX-512
/// shuffles: about a quarter of an instruction per value, against two or three for scalar copies. The packing of
/// <see cref="BroadcastProduct"/> uses them to turn rows of W, dZ or Aᵀ into the panels its kernel reads.
/// </summary>
internal static unsafe class BlockTranspose
{
    /// <summary>True when the CPU has AVX-512 and <typeparamref name="T"/> is float or double.</summary>
    public static bool IsSupported<T>() where T : unmanaged =>
        Avx512F.IsSupported && (typeof(T) == typeof(double) || typeof(T) == typeof(float));

    /// <summary>Lanes per block side: 8 for double, 16 for float.</summary>
    public static int Lanes<T>() where T : unmanaged => Vector512<T>.Count;

    /// <summary>
    /// Reads <paramref name="rows"/> rows of one block side's values each (row i at source + i·sourceStride; the
    /// missing rows up to a full block read as zero), multiplies them by <paramref name="scale"/>, and writes the
    /// block's column j at destination + j·destinationStride.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Transpose<T>(T* source, nint sourceStride, int rows, T* destination, nint destinationStride, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
            Transpose8((double*)source, sourceStride, rows, (double*)destination, destinationStride, double.CreateTruncating(scale));
        else
            Transpose16((float*)source, sourceStride, rows, (float*)destination, destinationStride, float.CreateTruncating(scale));
    }

    private static void Transpose8(double* s, nint ss, int rows, double* d, nint ds, double scale)
    {
        Vector512<double> f = Vector512.Create(scale);
        Vector512<double> v0 = Row(s, 0, ss, rows, f), v1 = Row(s, 1, ss, rows, f), v2 = Row(s, 2, ss, rows, f), v3 = Row(s, 3, ss, rows, f);
        Vector512<double> v4 = Row(s, 4, ss, rows, f), v5 = Row(s, 5, ss, rows, f), v6 = Row(s, 6, ss, rows, f), v7 = Row(s, 7, ss, rows, f);
        // Pairs of rows interleaved, then 128-bit blocks gathered twice: 24 shuffles for 64 values.
        Vector512<double> a0 = Avx512F.UnpackLow(v0, v1), a1 = Avx512F.UnpackHigh(v0, v1);
        Vector512<double> a2 = Avx512F.UnpackLow(v2, v3), a3 = Avx512F.UnpackHigh(v2, v3);
        Vector512<double> a4 = Avx512F.UnpackLow(v4, v5), a5 = Avx512F.UnpackHigh(v4, v5);
        Vector512<double> a6 = Avx512F.UnpackLow(v6, v7), a7 = Avx512F.UnpackHigh(v6, v7);
        Vector512<double> b0 = Avx512F.Shuffle4x128(a0, a2, Even), b1 = Avx512F.Shuffle4x128(a0, a2, Odd);
        Vector512<double> b2 = Avx512F.Shuffle4x128(a1, a3, Even), b3 = Avx512F.Shuffle4x128(a1, a3, Odd);
        Vector512<double> b4 = Avx512F.Shuffle4x128(a4, a6, Even), b5 = Avx512F.Shuffle4x128(a4, a6, Odd);
        Vector512<double> b6 = Avx512F.Shuffle4x128(a5, a7, Even), b7 = Avx512F.Shuffle4x128(a5, a7, Odd);
        Avx512F.Shuffle4x128(b0, b4, Even).Store(d);
        Avx512F.Shuffle4x128(b2, b6, Even).Store(d + ds);
        Avx512F.Shuffle4x128(b1, b5, Even).Store(d + 2 * ds);
        Avx512F.Shuffle4x128(b3, b7, Even).Store(d + 3 * ds);
        Avx512F.Shuffle4x128(b0, b4, Odd).Store(d + 4 * ds);
        Avx512F.Shuffle4x128(b2, b6, Odd).Store(d + 5 * ds);
        Avx512F.Shuffle4x128(b1, b5, Odd).Store(d + 6 * ds);
        Avx512F.Shuffle4x128(b3, b7, Odd).Store(d + 7 * ds);
    }

    private static void Transpose16(float* s, nint ss, int rows, float* d, nint ds, float scale)
    {
        Vector512<float> f = Vector512.Create(scale);
        // Rows interleaved by 32 bits, then by 64 bits: b[4g + e] holds, in each 128-bit block q, element 4q + e of rows 4g … 4g + 3.
        Vector512<float> b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15;
        Interleave(s, 0, ss, rows, f, out b0, out b1, out b2, out b3);
        Interleave(s, 4, ss, rows, f, out b4, out b5, out b6, out b7);
        Interleave(s, 8, ss, rows, f, out b8, out b9, out b10, out b11);
        Interleave(s, 12, ss, rows, f, out b12, out b13, out b14, out b15);
        // 128-bit blocks gathered twice, as for double.
        Column16(b0, b4, b8, b12, d, ds, 0);
        Column16(b1, b5, b9, b13, d, ds, 1);
        Column16(b2, b6, b10, b14, d, ds, 2);
        Column16(b3, b7, b11, b15, d, ds, 3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave(float* s, int first, nint ss, int rows, Vector512<float> f,
        out Vector512<float> e0, out Vector512<float> e1, out Vector512<float> e2, out Vector512<float> e3)
    {
        Vector512<float> v0 = Row(s, first, ss, rows, f), v1 = Row(s, first + 1, ss, rows, f);
        Vector512<float> v2 = Row(s, first + 2, ss, rows, f), v3 = Row(s, first + 3, ss, rows, f);
        Vector512<double> a0 = Avx512F.UnpackLow(v0, v1).AsDouble(), a1 = Avx512F.UnpackHigh(v0, v1).AsDouble();
        Vector512<double> a2 = Avx512F.UnpackLow(v2, v3).AsDouble(), a3 = Avx512F.UnpackHigh(v2, v3).AsDouble();
        e0 = Avx512F.UnpackLow(a0, a2).AsSingle();
        e1 = Avx512F.UnpackHigh(a0, a2).AsSingle();
        e2 = Avx512F.UnpackLow(a1, a3).AsSingle();
        e3 = Avx512F.UnpackHigh(a1, a3).AsSingle();
    }

    /// <summary>Columns e, 4 + e, 8 + e and 12 + e of the block from the interleaved rows 0–3, 4–7, 8–11 and 12–15.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Column16(Vector512<float> r0, Vector512<float> r4, Vector512<float> r8, Vector512<float> r12,
        float* d, nint ds, int e)
    {
        Vector512<float> c0 = Avx512F.Shuffle4x128(r0, r4, Even), c1 = Avx512F.Shuffle4x128(r0, r4, Odd);
        Vector512<float> c8 = Avx512F.Shuffle4x128(r8, r12, Even), c9 = Avx512F.Shuffle4x128(r8, r12, Odd);
        Avx512F.Shuffle4x128(c0, c8, Even).Store(d + e * ds);
        Avx512F.Shuffle4x128(c1, c9, Even).Store(d + (4 + e) * ds);
        Avx512F.Shuffle4x128(c0, c8, Odd).Store(d + (8 + e) * ds);
        Avx512F.Shuffle4x128(c1, c9, Odd).Store(d + (12 + e) * ds);
    }

    /// <summary>128-bit blocks 0 and 2 of the first operand, then of the second.</summary>
    private const byte Even = 0b10_00_10_00;

    /// <summary>128-bit blocks 1 and 3 of the first operand, then of the second.</summary>
    private const byte Odd = 0b11_01_11_01;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Row<T>(T* s, int row, nint ss, int rows, Vector512<T> scale) where T : unmanaged =>
        row < rows ? Vector512.Load(s + row * ss) * scale : Vector512<T>.Zero;
}
