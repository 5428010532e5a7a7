using System;
using System.Numerics;

namespace DeepNet.Training;

/// <summary>
/// Splits m examples into mini-batches as the course's <c>random_mini_batches</c> does: an order of the m example
/// columns (a numpy permutation per epoch, or column order), cut into consecutive batches of <see cref="BatchSize"/>
/// columns, the last one holding the remaining m mod <see cref="BatchSize"/> examples when m is not a multiple.
/// The buffers are allocated once for the largest batch: <see cref="Gather"/> copies a batch's columns into them and
/// allocates nothing.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed class MiniBatches<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _order;
    private readonly T[] _x;
    private readonly T[] _y;

    /// <summary>Prepares batches of <paramref name="batchSize"/> (at most m) examples of n0 inputs and nL labels each, in column order.</summary>
    /// <param name="inputSize">n0: rows of X.</param>
    /// <param name="outputSize">nL: rows of Y.</param>
    /// <param name="exampleCount">m: columns of X and Y.</param>
    /// <param name="batchSize">Examples per batch; a size above m makes one batch of all m examples.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or count is below 1.</exception>
    public MiniBatches(int inputSize, int outputSize, int exampleCount, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(exampleCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        InputSize = inputSize;
        OutputSize = outputSize;
        ExampleCount = exampleCount;
        BatchSize = Math.Min(batchSize, exampleCount);
        BatchCount = (exampleCount + BatchSize - 1) / BatchSize;
        _order = new int[exampleCount];
        _x = new T[checked(inputSize * BatchSize)];
        _y = new T[checked(outputSize * BatchSize)];
        UseColumnOrder();
    }

    /// <summary>n0: features per example.</summary>
    public int InputSize { get; }

    /// <summary>nL: labels per example.</summary>
    public int OutputSize { get; }

    /// <summary>m: examples in the whole set.</summary>
    public int ExampleCount { get; }

    /// <summary>Examples per batch except possibly the last: the requested size, at most m.</summary>
    public int BatchSize { get; }

    /// <summary>⌈m / <see cref="BatchSize"/>⌉ batches per epoch, the last partial batch included.</summary>
    public int BatchCount { get; }

    /// <summary>The example (column of X and Y) at each position of the current epoch's order.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>Orders the examples as <c>np.random.permutation(m)</c> draws from <paramref name="random"/> (see <see cref="NumpyPermutation"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public void Shuffle(NumpyRandom random) => random.Permutation(_order);

    /// <summary>Orders the examples as they are in X: batch k holds columns k·<see cref="BatchSize"/> onwards.</summary>
    public void UseColumnOrder()
    {
        for (int i = 0; i < _order.Length; i++)
            _order[i] = i;
    }

    /// <summary>The number of examples in batch <paramref name="batch"/>: <see cref="BatchSize"/>, or what remains for the last one.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> is outside 0 … <see cref="BatchCount"/> − 1.</exception>
    public int CountOf(int batch)
    {
        if ((uint)batch >= (uint)BatchCount)
            throw new ArgumentOutOfRangeException(nameof(batch), batch, $"Batches are numbered 0 … {BatchCount - 1}.");
        return batch < BatchCount - 1 ? BatchSize : ExampleCount - (BatchCount - 1) * BatchSize;
    }

    /// <summary>
    /// Copies the columns of batch <paramref name="batch"/> (positions k·<see cref="BatchSize"/> onwards of <see cref="Order"/>)
    /// from <paramref name="X"/> (n0 × m) and <paramref name="Y"/> (nL × m) into this object's buffers, in that order.
    /// </summary>
    /// <returns>Views of the gathered X (n0 × mb) and Y (nL × mb), valid until the next call.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> is outside 0 … <see cref="BatchCount"/> − 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="X"/> or <paramref name="Y"/> is not n0 × m or nL × m.</exception>
    public MiniBatch<T> Gather(int batch, ReadOnlySpan<T> X, ReadOnlySpan<T> Y)
    {
        int count = CountOf(batch);
        if (X.Length != (long)InputSize * ExampleCount)
            throw new ArgumentException($"X has length {X.Length}, but n0 × m = {InputSize} × {ExampleCount} values are expected.", nameof(X));
        if (Y.Length != (long)OutputSize * ExampleCount)
            throw new ArgumentException($"Y has length {Y.Length}, but nL × m = {OutputSize} × {ExampleCount} values are expected.", nameof(Y));
        ReadOnlySpan<int> columns = _order.AsSpan(batch * BatchSize, count);
        Span<T> x = _x.AsSpan(0, InputSize * count);
        Span<T> y = _y.AsSpan(0, OutputSize * count);
        GatherColumns(X, ExampleCount, columns, x);
        GatherColumns(Y, ExampleCount, columns, y);
        return new MiniBatch<T>(x, y, count);
    }

    /// <summary>destination[r, j] = source[r, columns[j]] for every row r: a strided copy, row by row.</summary>
    private static void GatherColumns(ReadOnlySpan<T> source, int m, ReadOnlySpan<int> columns, Span<T> destination)
    {
        int count = columns.Length;
        int rows = destination.Length / count;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<T> row = source.Slice(r * m, m);
            Span<T> to = destination.Slice(r * count, count);
            for (int j = 0; j < to.Length; j++)
                to[j] = row[columns[j]];
        }
    }
}
