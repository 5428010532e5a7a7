using System;

namespace DeepNet.Training;

/// <summary>
/// numpy's legacy <c>np.random.permutation(n)</c> and <c>np.random.shuffle</c> on a <see cref="NumpyRandom"/> stream, bit
/// for bit: a Fisher–Yates shuffle from the last element down, where position i swaps with j = <c>random_interval(i)</c>,
/// a draw of 0 … i from 32-bit MT19937 outputs masked to the smallest all-ones mask ≥ i and redrawn while above i.
/// <c>np.random.seed(s); np.random.permutation(n)</c> is therefore <c>new NumpyRandom(s).Permutation(order)</c> with
/// <c>order.Length == n</c>.
/// </summary>
public static class NumpyPermutation
{
    /// <summary>Fills <paramref name="destination"/> (length n) with a permutation of 0 … n − 1, as <c>np.random.permutation(n)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static void Permutation(this NumpyRandom random, Span<int> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < destination.Length; i++)
            destination[i] = i;
        random.Shuffle(destination);
    }

    /// <summary>Shuffles <paramref name="values"/> in place, as <c>np.random.shuffle</c> shuffles a one-dimensional array.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static void Shuffle<TItem>(this NumpyRandom random, Span<TItem> values)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = values.Length - 1; i >= 1; i--)
        {
            int j = (int)Interval(random, (uint)i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>numpy's <c>random_interval(max)</c> for max &lt; 2³²: a uniform draw of 0 … <paramref name="max"/> by masked rejection.</summary>
    private static uint Interval(NumpyRandom random, uint max)
    {
        if (max == 0)
            return 0;
        uint mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        do
        {
            value = random.NextUInt32() & mask;
        }
        while (value > max);
        return value;
    }
}
