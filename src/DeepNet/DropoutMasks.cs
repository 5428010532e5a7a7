using System;
using System.Numerics;

namespace DeepNet;

/// <summary>
/// The inverted-dropout masks of one cache: D[l] for every hidden layer, drawn from one seeded numpy-compatible stream
/// as the course does (<c>D = np.random.rand(...) &lt; keep_prob</c>) and stored as 0 or 1/keepProb, so applying a mask
/// is one multiplication. Allocated once, for the cache's capacity.
/// </summary>
internal sealed class DropoutMasks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[][] _scaledMasks;
    private readonly NumpyRandom _random;
    private readonly double _keepProbability;
    private readonly T _keptScale;

    public DropoutMasks(NetworkArchitecture architecture, int capacity, double keepProbability, int seed)
    {
        _scaledMasks = new T[architecture.LayerCount][];
        for (int l = 1; l < architecture.LayerCount; l++)
            _scaledMasks[l] = new T[architecture.LayerSize(l) * capacity];
        _random = new NumpyRandom(seed);
        _keepProbability = keepProbability;
        _keptScale = T.CreateTruncating(1.0 / keepProbability);
    }

    /// <summary>D[l] / keepProb for the first <paramref name="length"/> entries (nl × m).</summary>
    public ReadOnlySpan<T> Mask(int layer, int length) => HiddenMask(layer).AsSpan(0, length);

    public void Draw(int layer, int length)
    {
        Span<T> mask = HiddenMask(layer).AsSpan(0, length);
        for (int i = 0; i < mask.Length; i++)
            mask[i] = _random.NextDouble() < _keepProbability ? _keptScale : T.Zero;
    }

    public void Apply(int layer, Span<T> values)
    {
        ReadOnlySpan<T> mask = HiddenMask(layer).AsSpan(0, values.Length);
        for (int i = 0; i < values.Length; i++)
            values[i] *= mask[i];
    }

    private T[] HiddenMask(int layer) =>
        layer >= 1 && layer < _scaledMasks.Length ? _scaledMasks[layer]
            : throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Dropout applies to hidden layers 1 … {_scaledMasks.Length - 1}.");
}
