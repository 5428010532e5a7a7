using System;
using System.Linq;

namespace DeepNet.Training.Tests;

/// <summary><see cref="MiniBatches{T}"/> cuts an order of the examples into batches and gathers their columns, as the course's random_mini_batches.</summary>
public sealed class MiniBatchesTests
{
    [Theory]
    [InlineData(10, 4, 4, new[] { 4, 4, 2 })]
    [InlineData(12, 4, 4, new[] { 4, 4, 4 })]
    [InlineData(10, 1, 1, new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData(10, 10, 10, new[] { 10 })]
    [InlineData(10, 64, 10, new[] { 10 })]
    [InlineData(209, 64, 64, new[] { 64, 64, 64, 17 })]
    public void Batches_HaveTheRequestedSize_AndTheLastHoldsTheRest(int m, int requested, int batchSize, int[] counts)
    {
        var batches = new MiniBatches<double>(3, 2, m, requested);

        Assert.Equal(batchSize, batches.BatchSize);
        Assert.Equal(counts.Length, batches.BatchCount);
        Assert.Equal(counts, Enumerable.Range(0, batches.BatchCount).Select(batches.CountOf));
        Assert.Throws<ArgumentOutOfRangeException>(() => batches.CountOf(batches.BatchCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => batches.CountOf(-1));
    }

    [Fact]
    public void Gather_CopiesTheColumnsOfTheOrder_RowByRow()
    {
        const int m = 7, n0 = 3, nL = 2;
        // X[r, j] = 10·r + j and Y[r, j] = −(10·r + j): every entry names its row and column.
        double[] x = Enumerable.Range(0, n0 * m).Select(i => 10.0 * (i / m) + i % m).ToArray();
        double[] y = Enumerable.Range(0, nL * m).Select(i => -(10.0 * (i / m) + i % m)).ToArray();
        var batches = new MiniBatches<double>(n0, nL, m, batchSize: 3);
        batches.Shuffle(new NumpyRandom(11));
        int[] order = batches.Order.ToArray();
        var expectedOrder = new int[m];
        new NumpyRandom(11).Permutation(expectedOrder);
        Assert.Equal(expectedOrder, order);

        for (int k = 0; k < batches.BatchCount; k++)
        {
            MiniBatch<double> batch = batches.Gather(k, x, y);
            int[] columns = order[(k * 3)..Math.Min(m, k * 3 + 3)];
            Assert.Equal(columns.Length, batch.Count);
            Assert.Equal(
                Enumerable.Range(0, n0).SelectMany(r => columns.Select(j => 10.0 * r + j)),
                batch.X.ToArray());
            Assert.Equal(
                Enumerable.Range(0, nL).SelectMany(r => columns.Select(j => -(10.0 * r + j))),
                batch.Y.ToArray());
        }
    }

    [Fact]
    public void EveryEpoch_CoversEveryExampleOnce_AndColumnOrderIsTheIdentity()
    {
        var batches = new MiniBatches<float>(1, 1, 23, 5);
        Assert.Equal(Enumerable.Range(0, 23), batches.Order.ToArray());

        for (int seed = 0; seed < 5; seed++)
        {
            batches.Shuffle(new NumpyRandom(seed));
            Assert.Equal(Enumerable.Range(0, 23), batches.Order.ToArray().Order());
        }
        Assert.NotEqual(Enumerable.Range(0, 23), batches.Order.ToArray());

        batches.UseColumnOrder();
        Assert.Equal(Enumerable.Range(0, 23), batches.Order.ToArray());
    }

    [Fact]
    public void WrongArguments_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatches<double>(0, 1, 4, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatches<double>(1, 0, 4, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatches<double>(1, 1, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatches<double>(1, 1, 4, 0));
        var batches = new MiniBatches<double>(2, 1, 4, 2);
        var x = new double[8];
        var y = new double[4];

        Assert.Equal("X", Assert.Throws<ArgumentException>(() => batches.Gather(0, new double[7], y)).ParamName);
        Assert.Equal("Y", Assert.Throws<ArgumentException>(() => batches.Gather(0, x, new double[5])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => batches.Gather(2, x, y));
        Assert.Throws<ArgumentNullException>(() => batches.Shuffle(null!));
    }
}
