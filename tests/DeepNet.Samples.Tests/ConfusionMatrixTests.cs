using System;
using FashionMnist;

namespace DeepNet.Samples.Tests;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void Counts_ArePerTrueAndPredictedClass()
    {
        int[] actual = [0, 0, 0, 1, 1, 2, 2, 2, 2];
        int[] predicted = [0, 0, 2, 1, 0, 2, 2, 1, 2];

        var confusion = ConfusionMatrix.Of(3, actual, predicted);

        int[,] expected = { { 2, 0, 1 }, { 1, 1, 0 }, { 0, 1, 3 } };
        for (int a = 0; a < 3; a++)
        {
            for (int p = 0; p < 3; p++)
                Assert.Equal(expected[a, p], confusion.Count(a, p));
        }
        Assert.Equal((9, 6), (confusion.Total, confusion.Correct));
        Assert.Equal(6 / 9.0, confusion.Accuracy);
        Assert.Equal([3, 2, 4], new[] { confusion.ActualCount(0), confusion.ActualCount(1), confusion.ActualCount(2) });
    }

    [Fact]
    public void ClassesOutOfRange_AndMismatchedLengths_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Of(3, [0, 3], [0, 0]));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Of(3, [0, 1], [0, -1]));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Of(3, [0, 1], [0]));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Of(3, [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.Of(3, [0], [0]).Count(3, 0));
    }
}
