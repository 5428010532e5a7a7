using System;

namespace FashionMnist;

/// <summary>
/// Labelled 28 × 28 grey-level images as read from the IDX files, and their conversion to the network's matrices:
/// X (784 × m) of pixels / 255 and one-hot Y (10 × m), examples as columns.
/// </summary>
public sealed class FashionImageSet
{
    public const int Height = 28;
    public const int Width = 28;

    /// <summary>Height × Width: the network's input size n0.</summary>
    public const int FeatureCount = Height * Width;

    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    /// <summary>Takes <paramref name="count"/> images of <see cref="FeatureCount"/> pixels each and their labels (0 … 9).</summary>
    /// <exception cref="ArgumentException">The lengths disagree or a label is not a class.</exception>
    public FashionImageSet(string name, byte[] pixels, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.Length != (long)labels.Length * FeatureCount)
            throw new ArgumentException($"{labels.Length} labels need {labels.Length} × {FeatureCount} pixels; {pixels.Length} given.", nameof(pixels));
        int wrong = Array.FindIndex(labels, label => label >= FashionClasses.Count);
        if (wrong >= 0)
            throw new ArgumentException($"Label {wrong} is {labels[wrong]}; the classes are 0 … {FashionClasses.Count - 1}.", nameof(labels));
        Name = name;
        _pixels = pixels;
        _labels = labels;
    }

    /// <summary>Where the set came from, for messages: the image file's name.</summary>
    public string Name { get; }

    /// <summary>m: the number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>The class (0 … 9) of image <paramref name="index"/>.</summary>
    public int Label(int index) => _labels[index];

    /// <summary>The 784 pixels of image <paramref name="index"/>, row after row (0 = background, 255 = ink).</summary>
    public ReadOnlySpan<byte> Image(int index) => _pixels.AsSpan(index * FeatureCount, FeatureCount);

    /// <summary>The first <paramref name="count"/> images (all of them when <paramref name="count"/> is at least <see cref="Count"/>).</summary>
    public FashionImageSet Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (count >= Count)
            return this;
        return new FashionImageSet(Name, _pixels.AsSpan(0, count * FeatureCount).ToArray(), _labels.AsSpan(0, count).ToArray());
    }

    /// <summary>X for examples <paramref name="start"/> … start + count − 1: 784 × count, X[i·count + j] = pixel i of example start + j / 255.</summary>
    public void CopyInputs(int start, int count, Span<double> X)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count, nameof(count));
        if (X.Length != FeatureCount * count)
            throw new ArgumentException($"X must hold {FeatureCount} × {count} values; it holds {X.Length}.", nameof(X));
        // A transpose in tiles of examples: the tile's images stay in cache while each row of X is written in order.
        const int Tile = 64;
        for (int j0 = 0; j0 < count; j0 += Tile)
        {
            int tile = Math.Min(Tile, count - j0);
            ReadOnlySpan<byte> images = _pixels.AsSpan((start + j0) * FeatureCount, tile * FeatureCount);
            for (int i = 0; i < FeatureCount; i++)
            {
                Span<double> row = X.Slice(i * count + j0, tile);
                for (int j = 0; j < tile; j++)
                    row[j] = images[j * FeatureCount + i] / 255.0;
            }
        }
    }

    /// <summary>Y for examples <paramref name="start"/> … start + count − 1: 10 × count, one-hot (Y[k·count + j] = 1 where k is the label).</summary>
    public void CopyOneHotLabels(int start, int count, Span<double> Y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count, nameof(count));
        if (Y.Length != FashionClasses.Count * count)
            throw new ArgumentException($"Y must hold {FashionClasses.Count} × {count} values; it holds {Y.Length}.", nameof(Y));
        Y.Clear();
        for (int j = 0; j < count; j++)
            Y[_labels[start + j] * count + j] = 1;
    }

    /// <summary>X of the whole set: 784 × m, pixels / 255, examples as columns.</summary>
    public double[] Inputs()
    {
        var X = new double[(long)FeatureCount * Count];
        CopyInputs(0, Count, X);
        return X;
    }

    /// <summary>Y of the whole set: 10 × m, one-hot.</summary>
    public double[] OneHotLabels()
    {
        var Y = new double[FashionClasses.Count * Count];
        CopyOneHotLabels(0, Count, Y);
        return Y;
    }
}
