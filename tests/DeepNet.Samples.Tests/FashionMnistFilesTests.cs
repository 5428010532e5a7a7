using System;
using System.IO;
using DeepNet.Samples.Tests.TestData;
using FashionMnist;

namespace DeepNet.Samples.Tests;

public sealed class FashionMnistFilesTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_ReadsGzippedAndPlainFiles_AsTrainingAndTestSets()
    {
        byte[] trainPixels = IdxWriter.Bytes(3 * 784, seed: 11);
        byte[] testPixels = IdxWriter.Bytes(2 * 784, seed: 12);
        _folder.Write(FashionMnistFiles.TrainImages + ".gz", IdxWriter.Gzip(IdxWriter.Images(3, 28, 28, trainPixels)));
        _folder.Write(FashionMnistFiles.TrainLabels + ".gz", IdxWriter.Gzip(IdxWriter.Labels([9, 0, 5])));
        _folder.Write(FashionMnistFiles.TestImages, IdxWriter.Images(2, 28, 28, testPixels));
        _folder.Write(FashionMnistFiles.TestLabels, IdxWriter.Labels([3, 8]));

        var (train, test) = FashionMnistFiles.Load(_folder.Path);

        Assert.Equal(FashionMnistFiles.TrainImages + ".gz", train.Name);
        Assert.Equal([9, 0, 5], new[] { train.Label(0), train.Label(1), train.Label(2) });
        Assert.Equal(trainPixels.AsSpan(784, 784).ToArray(), train.Image(1).ToArray());
        Assert.Equal(FashionMnistFiles.TestImages, test.Name);
        Assert.Equal(2, test.Count);
        Assert.Equal(8, test.Label(1));
        Assert.Equal(testPixels.AsSpan(784, 784).ToArray(), test.Image(1).ToArray());
    }

    [Fact]
    public void Locate_PrefersTheGzippedFile()
    {
        _folder.Write("x-idx1-ubyte", []);
        string gzipped = _folder.Write("x-idx1-ubyte.gz", []);

        Assert.Equal(gzipped, FashionMnistFiles.Locate(_folder.Path, "x-idx1-ubyte"));
    }

    [Fact]
    public void AMissingFile_NamesBothForms_AndThePackage()
    {
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnistFiles.Locate(_folder.Path, FashionMnistFiles.TestLabels));

        Assert.Contains(Path.Combine(_folder.Path, FashionMnistFiles.TestLabels + ".gz"), e.Message);
        Assert.Contains($"nor {Path.Combine(_folder.Path, FashionMnistFiles.TestLabels)} exists", e.Message);
        Assert.Contains("dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void AMissingFolder_IsNamed()
    {
        string folder = Path.Combine(_folder.Path, "absent");

        var e = Assert.Throws<DirectoryNotFoundException>(() => FashionMnistFiles.Load(folder));

        Assert.Contains($"The Fashion-MNIST folder {folder} does not exist", e.Message);
    }

    [Fact]
    public void ImagesAndLabelsOfDifferentCounts_AreRejected_NamingBothFiles()
    {
        string images = _folder.Write(FashionMnistFiles.TestImages, IdxWriter.Images(3, 28, 28, new byte[3 * 784]));
        string labels = _folder.Write(FashionMnistFiles.TestLabels, IdxWriter.Labels([1, 2]));

        var e = Assert.Throws<InvalidDataException>(() => FashionMnistFiles.Read(_folder.Path, FashionMnistFiles.TestImages, FashionMnistFiles.TestLabels));

        Assert.Equal($"{images} holds 3 images but {labels} holds 2 labels; each image needs one label.", e.Message);
    }

    [Fact]
    public void ALabelThatIsNotAClass_IsRejected_WithItsIndex()
    {
        _folder.Write(FashionMnistFiles.TestImages, IdxWriter.Images(3, 28, 28, new byte[3 * 784]));
        string labels = _folder.Write(FashionMnistFiles.TestLabels, IdxWriter.Labels([1, 10, 2]));

        var e = Assert.Throws<InvalidDataException>(() => FashionMnistFiles.Read(_folder.Path, FashionMnistFiles.TestImages, FashionMnistFiles.TestLabels));

        Assert.Equal($"{labels}: label 1 is 10; Fashion-MNIST's classes are 0 … 9.", e.Message);
    }

    [Fact]
    public void ImagesOfAnotherSize_AreRejected()
    {
        string images = _folder.Write(FashionMnistFiles.TestImages, IdxWriter.Images(1, 32, 32, new byte[32 * 32]));
        _folder.Write(FashionMnistFiles.TestLabels, IdxWriter.Labels([1]));

        var e = Assert.Throws<InvalidDataException>(() => FashionMnistFiles.Read(_folder.Path, FashionMnistFiles.TestImages, FashionMnistFiles.TestLabels));

        Assert.Equal($"{images}: its images are 32 × 32 pixels; Fashion-MNIST's are 28 × 28.", e.Message);
    }

    [Fact]
    public void AnEmptySet_IsRejected()
    {
        string images = _folder.Write(FashionMnistFiles.TestImages, IdxWriter.Images(0, 28, 28, []));
        _folder.Write(FashionMnistFiles.TestLabels, IdxWriter.Labels([]));

        var e = Assert.Throws<InvalidDataException>(() => FashionMnistFiles.Read(_folder.Path, FashionMnistFiles.TestImages, FashionMnistFiles.TestLabels));

        Assert.Equal($"{images}: it holds no images.", e.Message);
    }

    [FashionDataFact]
    public void TheInstalledData_Has60000TrainingAnd10000TestImages_OfEveryClass()
    {
        Assert.Equal(60000, FashionData.Train.Count);
        Assert.Equal(10000, FashionData.Test.Count);
        var perClass = new int[FashionClasses.Count];
        for (int j = 0; j < FashionData.Test.Count; j++)
            perClass[FashionData.Test.Label(j)]++;
        Assert.All(perClass, count => Assert.Equal(1000, count));
    }
}
