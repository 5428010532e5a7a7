using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit.Abstractions;

namespace DeepNet.Training.Tests;

/// <summary><see cref="NumpyPermutation"/> gives numpy's legacy <c>np.random.permutation</c> bit for bit.</summary>
public sealed class NumpyPermutationTests(ITestOutputHelper output)
{
    /// <summary>Recorded from numpy 1.24.2: <c>np.random.seed(seed); np.random.permutation(m)</c>.</summary>
    [Theory]
    [InlineData(11, new[] { 7, 8, 2, 6, 4, 5, 1, 3, 0, 9 })]
    [InlineData(0, new[] { 2, 0, 1, 3, 4 })]
    [InlineData(1, new[] { 3, 16, 6, 10, 2, 14, 4, 17, 7, 1, 13, 0, 19, 18, 9, 15, 8, 12, 11, 5 })]
    [InlineData(42, new[] { 0, 1, 5, 2, 4, 3, 6 })]
    [InlineData(int.MaxValue, new[] { 6, 5, 7, 2, 4, 3, 1, 11, 0, 8, 9, 10 })]
    public void Permutation_IsNumpys_RecordedCases(int seed, int[] expected)
    {
        var order = new int[expected.Length];

        new NumpyRandom(seed).Permutation(order);

        Assert.Equal(expected, order);
    }

    [Fact]
    public void Permutation_OfThree_WorkedByHand_RedrawsAboveTheBound()
    {
        // MT19937 seeded with 14 (numpy's RandomState(14).randint(0, 2**32, 4)): 2207369835, 3959502168, 3320718604, 2830748054.
        var stream = new NumpyRandom(14);
        Assert.Equal([2207369835u, 3959502168u, 3320718604u, 2830748054u], new[] { stream.NextUInt32(), stream.NextUInt32(), stream.NextUInt32(), stream.NextUInt32() });
        // i = 2, mask 3: 2207369835 & 3 = 3 > 2 is redrawn; 3959502168 & 3 = 0, so positions 2 and 0 swap: [2, 1, 0].
        // i = 1, mask 1: 3320718604 & 1 = 0, so positions 1 and 0 swap: [1, 2, 0]. numpy gives [1 2 0].
        var random = new NumpyRandom(14);
        var order = new int[3];

        random.Permutation(order);

        Assert.Equal([1, 2, 0], order);
        Assert.Equal(2830748054u, random.NextUInt32());
    }

    [Fact]
    public void Permutation_OfZeroOrOneElement_DrawsNothing()
    {
        var random = new NumpyRandom(3);
        var one = new int[1];

        random.Permutation(Span<int>.Empty);
        random.Permutation(one);

        Assert.Equal([0], one);
        Assert.Equal(new NumpyRandom(3).NextUInt32(), random.NextUInt32());
    }

    [Fact]
    public void Shuffle_MovesAnyItemsAsPermutationOrdersTheirPositions()
    {
        string[] items = Enumerable.Range(0, 50).Select(i => $"item{i}").ToArray();
        var order = new int[50];
        new NumpyRandom(8).Permutation(order);

        new NumpyRandom(8).Shuffle(items.AsSpan());

        Assert.Equal(order.Select(i => $"item{i}"), items);
        Assert.Equal(Enumerable.Range(0, 50), order.Order());
        Assert.Throws<ArgumentNullException>(() => ((NumpyRandom)null!).Permutation(order));
    }

    [NumpyFact]
    public void Permutation_MatchesNumpy_ForManySeedsAndSizes()
    {
        int[] seeds = [0, 1, 10, 11, 12, 42, 1234567, int.MaxValue];
        int[] sizes = [2, 3, 7, 64, 209, 1000, 4097];
        // Every seed with every size, and Fashion-MNIST's 60000 training examples with two seeds.
        (int Seed, int M)[] cases = [.. from seed in seeds from m in sizes select (seed, m), (11, 60000), (int.MaxValue, 60000)];
        string json = PythonNumpy.RunScript("permutation.py", "", cases.Select(c => $"{c.Seed}:{c.M}").ToArray());
        var expected = JsonSerializer.Deserialize<Dictionary<string, int[]>>(json)!;

        foreach ((int seed, int m) in cases)
        {
            var order = new int[m];
            new NumpyRandom(seed).Permutation(order);
            Assert.True(expected[$"{seed} {m}"].AsSpan().SequenceEqual(order), $"np.random.seed({seed}); np.random.permutation({m}) differs.");
        }
        output.WriteLine($"{cases.Length} permutations identical to numpy's (sizes 2 … 60000).");
    }
}
