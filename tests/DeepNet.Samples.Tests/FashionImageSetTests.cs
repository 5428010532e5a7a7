using System;
using DeepNet.Samples.Tests.TestData;
using FashionMnist;

namespace DeepNet.Samples.Tests;

public sealed class FashionImageSetTests
{
    // More examples than one tile of the tiled transpose (64), with a partial last tile.
    private const int M = 70;
    private static readonly byte[] s_pixels = IdxWriter.Bytes(M * 784, seed: 21);
    private static readonly byte[] s_labels = IdxWriter.Bytes(M, seed: 22, bound: 10);
    private readonly FashionImageSet _set = new("test", s_pixels, s_labels);

    [Fact]
    public void Inputs_AreThePixelsOver255_OneExamplePerColumn()
    {
        double[] X = _set.Inputs();

        Assert.Equal(784 * M, X.Length);
        for (int j = 0; j < M; j++)
        {
            for (int i = 0; i < 784; i++)
                Assert.Equal(s_pixels[j * 784 + i] / 255.0, X[i * M + j]);
        }
    }

    [Fact]
    public void CopyInputs_OfARange_StartsAtItsFirstExample()
    {
        var X = new double[784 * 8];

        _set.CopyInputs(62, 8, X);

        for (int j = 0; j < 8; j++)
            Assert.Equal(s_pixels[(62 + j) * 784 + 400] / 255.0, X[400 * 8 + j]);
    }

    [Fact]
    public void OneHotLabels_HaveASingleOneInTheLabelsRow()
    {
        double[] Y = _set.OneHotLabels();

        Assert.Equal(10 * M, Y.Length);
        for (int j = 0; j < M; j++)
        {
            for (int k = 0; k < 10; k++)
                Assert.Equal(k == s_labels[j] ? 1.0 : 0.0, Y[k * M + j]);
        }
    }

    [Fact]
    public void Take_KeepsTheFirstImages()
    {
        FashionImageSet first = _set.Take(3);

        Assert.Equal(3, first.Count);
        Assert.Equal(s_labels[2], first.Label(2));
        Assert.Equal(s_pixels.AsSpan(2 * 784, 784).ToArray(), first.Image(2).ToArray());
        Assert.Same(_set, _set.Take(M + 1));
    }

    [Fact]
    public void LengthsThatDisagree_AndLabelsThatAreNotClasses_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new FashionImageSet("x", new byte[784 * 2], new byte[3]));
        var e = Assert.Throws<ArgumentException>(() => new FashionImageSet("x", new byte[784 * 2], [0, 10]));
        Assert.Contains("Label 1 is 10", e.Message);
    }
}
