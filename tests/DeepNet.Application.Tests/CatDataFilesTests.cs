using System;
using System.IO;
using System.Linq;
using CatClassifier;
using DeepNet.Application.Tests.TestData;

namespace DeepNet.Application.Tests;

public sealed class CatDataFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("deepnet-catdata-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [CatDataFact]
    public void Load_ReadsTheCoursesShapesLabelsAndClassNames()
    {
        CatImageSet train = CatData.Train;
        CatImageSet test = CatData.Test;

        Assert.Equal(209, train.Count);
        Assert.Equal(50, test.Count);
        Assert.Equal(12288 * 209, train.X.Length);
        Assert.Equal(209, train.Y.Length);
        Assert.Equal(NumpyReference.TrainCats, train.Y.Count(y => y == 1));
        Assert.Equal(NumpyReference.TestCats, test.Y.Count(y => y == 1));
        Assert.All(train.Y, y => Assert.True(y is 0 or 1));
        Assert.Equal(["non-cat", "cat"], train.ClassNames);
        Assert.Equal("cat", test.ClassName(true));
        Assert.Equal(NumpyReference.TrainPixelSum, Enumerable.Range(0, train.Count).Sum(j => Sum(train.Image(j))));
        Assert.Equal(NumpyReference.TestPixelSum, Enumerable.Range(0, test.Count).Sum(j => Sum(test.Image(j))));
    }

    [CatDataFact]
    public void X_HoldsEachImageRowMajor_DividedBy255_AsAColumn()
    {
        CatImageSet train = CatData.Train;
        const int m = 209;

        Assert.Equal(NumpyReference.TrainImage0Pixel00, train.Image(0)[..3].ToArray());
        int pixel = (10 * 64 + 20) * 3;
        Assert.Equal(NumpyReference.TrainImage7Pixel1020, train.Image(7).Slice(pixel, 3).ToArray());
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(NumpyReference.TrainImage0Pixel00[c] / 255.0, train.X[c * m + 0]);
            Assert.Equal(NumpyReference.TrainImage7Pixel1020[c] / 255.0, train.X[(pixel + c) * m + 7]);
        }
        var example = new double[CatImageSet.FeatureCount];
        train.CopyExample(7, example);
        Assert.Equal(NumpyReference.TrainImage7Pixel1020[2] / 255.0, example[pixel + 2]);
    }

    [Fact]
    public void Load_FromAFolderWithoutTheFiles_NamesTheMissingFile()
    {
        var e = Assert.Throws<FileNotFoundException>(() => CatDataFiles.Load(_folder));
        Assert.Contains(CatDataFiles.TrainFileName, e.Message);
        Assert.Contains(_folder, e.Message);
    }

    [Fact]
    public void Read_OfAFileThatIsNotHdf5_SaysWhichFile()
    {
        string path = Path.Combine(_folder, CatDataFiles.TrainFileName);
        File.WriteAllText(path, "not an HDF5 file");

        var e = Assert.Throws<InvalidDataException>(() => CatDataFiles.Read(path, "train"));

        Assert.Contains(CatDataFiles.TrainFileName, e.Message);
    }

    [CatDataFact]
    public void Read_WithTheWrongDatasetPrefix_NamesTheMissingDataset()
    {
        string path = Path.Combine(CatData.Directory!, CatDataFiles.TestFileName);

        var e = Assert.Throws<InvalidDataException>(() => CatDataFiles.Read(path, "train"));

        Assert.Contains("train_set_x", e.Message);
        Assert.Contains(CatDataFiles.TestFileName, e.Message);
    }

    [Fact]
    public void CatImageSet_RejectsPixelsOfTheWrongSize()
    {
        var e = Assert.Throws<ArgumentException>(() => new CatImageSet("x", new byte[100], [true], ["non-cat", "cat"]));
        Assert.Contains("12288", e.Message);
    }

    private static long Sum(ReadOnlySpan<byte> bytes)
    {
        long sum = 0;
        foreach (byte b in bytes)
            sum += b;
        return sum;
    }
}
