using System.Numerics;

namespace DeepNet.Kernels;

/// <summary>
/// The vector operations the matrix-product micro-kernels need, for one vector width. Implemented by structs
/// (<see cref="Simd512{T}"/>, <see cref="Simd256{T}"/>, <see cref="Simd128{T}"/>) so that the JIT specialises and
/// inlines each kernel per width: one kernel source, three register widths.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
/// <typeparam name="TVector">The vector type, such as <c>Vector512&lt;T&gt;</c>.</typeparam>
internal unsafe interface ISimdOps<T, TVector>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVector : unmanaged
{
    /// <summary>True when this width runs in hardware for <typeparamref name="T"/>.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Most rows of the broadcast kernel's tile (rows × 2 vectors of accumulators) that fit the register file.</summary>
    static abstract int BroadcastRows { get; }

    /// <summary>Most rows of the dot kernel's tile (rows × 8 columns of accumulators) that fit the register file.</summary>
    static abstract int DotRows { get; }

    static abstract TVector Zero { get; }

    static abstract TVector Broadcast(T value);

    static abstract TVector Load(T* source);

    static abstract void Store(T* destination, TVector value);

    /// <summary>a·b + addend, fused where the hardware has it.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector addend);

    static abstract TVector And(TVector a, TVector b);

    /// <summary>A mask with all bits set in the last <paramref name="count"/> lanes and clear in the others.</summary>
    static abstract TVector LastLanes(int count);

    /// <summary>The sum of the lanes, in a fixed order.</summary>
    static abstract T Sum(TVector value);

    /// <summary>Writes the lane sums of eight vectors to <paramref name="sums"/>[0 … 7], in a fixed order.</summary>
    static abstract void Sum8(TVector v0, TVector v1, TVector v2, TVector v3, TVector v4, TVector v5, TVector v6, TVector v7, T* sums);
}
