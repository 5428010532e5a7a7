using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DeepNet.Kernels;

/// <summary>
/// Per-thread working memory of the matrix products: pinned arrays, 64-byte aligned. The fixed-size buffers (packed
/// panels, edge panel, edge tile) are all allocated together on a thread's first product of <typeparamref name="T"/>,
/// whichever part of a product the thread happens to run, so that no later call allocates; the transpose buffer of
/// small batches and the shared packed operand of parallel products grow to the largest size seen and are then reused.
/// </summary>
internal static unsafe class KernelScratch<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Values in the packed-panel buffer.</summary>
    public const int PackedLength = 256 * 1024 / 8;

    /// <summary>Values in the edge-panel buffer: a reduction block of the widest panel (2 × 512-bit vectors of float).</summary>
    public const int EdgeLength = 256 * 32;

    /// <summary>Values in the edge-tile buffer: 12 rows of the widest panel.</summary>
    public const int TileLength = 12 * 32;

    private const int Alignment = 64;

    [ThreadStatic] private static T[]? t_fixed;
    [ThreadStatic] private static T[]? t_transposed;
    [ThreadStatic] private static T[]? t_shared;

    /// <summary>Packed rows of the left operand (<see cref="PackedLength"/> values).</summary>
    public static T* Packed => Fixed();

    /// <summary>A zero-padded panel of the right operand's last columns (<see cref="EdgeLength"/> values).</summary>
    public static T* Edge => Fixed() + PackedLength;

    /// <summary>A tile of C for the last columns (<see cref="TileLength"/> values).</summary>
    public static T* Tile => Fixed() + PackedLength + EdgeLength;

    /// <summary>A transposed operand of <paramref name="length"/> values; written by the calling thread before any helper reads it.</summary>
    public static T* Transposed(int length) => Aligned(ref t_transposed, length);

    /// <summary>All of a left operand packed by the owner of a parallel product, for every part to read.</summary>
    public static T* Shared(int length) => Aligned(ref t_shared, length);

    private static T* Fixed() => Aligned(ref t_fixed, PackedLength + EdgeLength + TileLength);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T* Aligned(ref T[]? buffer, int length)
    {
        int padded = length + Alignment / sizeof(T);
        if (buffer is null || buffer.Length < padded)
            buffer = GC.AllocateUninitializedArray<T>(padded, pinned: true);
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (T*)((address + Alignment - 1) & ~(nint)(Alignment - 1));
    }
}
