using System;
using FashionMnist;

namespace DeepNet.Samples.Tests.TestData;

/// <summary>
/// A small stand-in for Fashion-MNIST written by the test: the four IDX files (training files gzipped, test files not)
/// with random images and labels, so that the sample's whole path runs without the installed data.
/// </summary>
internal sealed class SyntheticFashionFolder : IDisposable
{
    public const int TrainCount = 300;
    public const int TestCount = 120;
    private readonly TemporaryFolder _folder = new();

    public SyntheticFashionFolder(int? testLabelCount = null)
    {
        _folder.Write(FashionMnistFiles.TrainImages + ".gz", IdxWriter.Gzip(IdxWriter.Images(TrainCount, 28, 28, IdxWriter.Bytes(TrainCount * 784, seed: 41))));
        _folder.Write(FashionMnistFiles.TrainLabels + ".gz", IdxWriter.Gzip(IdxWriter.Labels(IdxWriter.Bytes(TrainCount, seed: 42, bound: 10))));
        _folder.Write(FashionMnistFiles.TestImages, IdxWriter.Images(TestCount, 28, 28, IdxWriter.Bytes(TestCount * 784, seed: 43)));
        _folder.Write(FashionMnistFiles.TestLabels, IdxWriter.Labels(IdxWriter.Bytes(testLabelCount ?? TestCount, seed: 44, bound: 10)));
    }

    /// <summary>The folder holding the four files.</summary>
    public string Path => _folder.Path;

    public void Dispose() => _folder.Dispose();
}
