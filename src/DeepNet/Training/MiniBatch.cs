using System;
using System.Numerics;

namespace DeepNet.Training;

/// <summary>
/// One mini-batch gathered by <see cref="MiniBatches{T}"/>: X (n0 × mb) and Y (nL × mb), row-major with examples as
/// columns, viewing buffers that the next <see cref="MiniBatches{T}.Gather"/> overwrites.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public readonly ref struct MiniBatch<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Wraps gathered inputs and labels of <paramref name="count"/> examples.</summary>
    public MiniBatch(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int count)
    {
        X = x;
        Y = y;
        Count = count;
    }

    /// <summary>Inputs, n0 × <see cref="Count"/>.</summary>
    public ReadOnlySpan<T> X { get; }

    /// <summary>Labels, nL × <see cref="Count"/>.</summary>
    public ReadOnlySpan<T> Y { get; }

    /// <summary>mb: the number of examples (columns) in this batch.</summary>
    public int Count { get; }
}
