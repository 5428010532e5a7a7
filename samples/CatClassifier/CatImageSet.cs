using System;
using System.Collections.Generic;

namespace CatClassifier;

/// <summary>
/// Labelled 64 × 64 RGB images as the course's notebook prepares them: <see cref="X"/> holds each image flattened in
/// row-major (64, 64, 3) order and divided by 255, one example per column (12288 × m), and <see cref="Y"/> the labels (1 × m).
/// </summary>
public sealed class CatImageSet
{
    public const int Height = 64;
    public const int Width = 64;
    public const int Channels = 3;
    public const int FeatureCount = Height * Width * Channels;

    private readonly byte[] _pixels;
    private readonly bool[] _isCat;

    /// <param name="name">Where the images come from, for messages (for example the file name).</param>
    /// <param name="pixels">m images of <see cref="FeatureCount"/> bytes each, every image row-major (64, 64, 3).</param>
    /// <param name="isCat">One label per image.</param>
    /// <param name="classNames">The names of class 0 and class 1, as the file's <c>list_classes</c> spells them.</param>
    public CatImageSet(string name, byte[] pixels, bool[] isCat, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(isCat);
        ArgumentNullException.ThrowIfNull(classNames);
        if (isCat.Length == 0)
            throw new ArgumentException("A data set needs at least one image.", nameof(isCat));
        if (pixels.Length != (long)isCat.Length * FeatureCount)
            throw new ArgumentException($"{isCat.Length} images of {Height} × {Width} × {Channels} take {(long)isCat.Length * FeatureCount} bytes; {pixels.Length} given.", nameof(pixels));
        if (classNames.Count != 2)
            throw new ArgumentException($"Two class names (non-cat, cat) are expected; {classNames.Count} given.", nameof(classNames));

        Name = name;
        _pixels = pixels;
        _isCat = isCat;
        ClassNames = classNames;
        int m = isCat.Length;
        X = new double[(long)FeatureCount * m];
        Y = new double[m];
        for (int j = 0; j < m; j++)
        {
            ReadOnlySpan<byte> image = Image(j);
            for (int i = 0; i < FeatureCount; i++)
                X[i * m + j] = image[i] / 255.0;
            Y[j] = isCat[j] ? 1.0 : 0.0;
        }
    }

    /// <summary>Where the images come from.</summary>
    public string Name { get; }

    /// <summary>m: the number of images.</summary>
    public int Count => _isCat.Length;

    /// <summary>12288 × m, row-major: <c>X[i * m + j]</c> is feature i of image j, in [0, 1].</summary>
    public double[] X { get; }

    /// <summary>1 × m: 1 for a cat, 0 otherwise.</summary>
    public double[] Y { get; }

    /// <summary>The names of class 0 and class 1 (<c>non-cat</c>, <c>cat</c>).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Whether image <paramref name="index"/> shows a cat.</summary>
    public bool IsCat(int index) => _isCat[index];

    /// <summary>The name of the class <paramref name="isCat"/> stands for.</summary>
    public string ClassName(bool isCat) => ClassNames[isCat ? 1 : 0];

    /// <summary>Image <paramref name="index"/> as stored: 64 rows of 64 pixels of R, G, B bytes.</summary>
    public ReadOnlySpan<byte> Image(int index) => _pixels.AsSpan(index * FeatureCount, FeatureCount);

    /// <summary>Copies column <paramref name="index"/> of <see cref="X"/> (one example's 12288 features) into <paramref name="destination"/>.</summary>
    public void CopyExample(int index, Span<double> destination)
    {
        if (destination.Length != FeatureCount)
            throw new ArgumentException($"An example has {FeatureCount} features; the destination holds {destination.Length}.", nameof(destination));
        int m = Count;
        for (int i = 0; i < FeatureCount; i++)
            destination[i] = X[i * m + index];
    }
}
