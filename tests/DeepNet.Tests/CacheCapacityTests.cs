using System;

namespace DeepNet.Tests;

/// <summary>A cache made for m examples serves any smaller batch with the same numbers as a cache made for it.</summary>
public sealed class CacheCapacityTests
{
    [Fact]
    public void SmallerBatchInALargerCacheGivesTheSameNumbersAsItsOwnCache()
    {
        var net = new TinyNet();
        net.InitializeParameters(seed: 4);
        var batch = new RandomBatch(net.Architecture, m: 3, seed: 9);
        var reused = new TinyNet.Cache(8);
        var own = new TinyNet.Cache(3);
        var reusedGrads = new TinyNet.Gradients();
        var ownGrads = new TinyNet.Gradients();

        reused.SetExampleCount(3);
        net.Forward(batch.X, reused);
        net.Backward(batch.X, batch.Y, reused, reusedGrads);
        net.Forward(batch.X, own);
        net.Backward(batch.X, batch.Y, own, ownGrads);

        Assert.Equal(8, reused.Capacity);
        Assert.Equal(3, reused.ExampleCount);
        Assert.Equal(3, reused.A3.Length);
        Assert.Equal(own.A3.ToArray(), reused.A3.ToArray());
        Assert.Equal(own.dA1.ToArray(), reused.dA1.ToArray());
        Assert.Equal(net.ComputeCost(own, batch.Y), net.ComputeCost(reused, batch.Y));
        Assert.Equal(ownGrads.Values.ToArray(), reusedGrads.Values.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void ExampleCountOutsideOneToCapacityIsRejected(int m)
    {
        var cache = new TinyNet.Cache(8);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => cache.SetExampleCount(m));

        Assert.Equal("m", e.ParamName);
        Assert.Contains("1 … 8", e.Message);
        Assert.Equal(8, cache.ExampleCount);
    }
}
