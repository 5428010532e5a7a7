using System;
using FashionMnist;

namespace DeepNet.Samples.Tests;

public sealed class EpochReportTests
{
    private static readonly Evaluation s_test = new(0.354321, ConfusionMatrix.Of(2, [0, 0, 1, 1], [0, 1, 1, 1]));

    [Fact]
    public void Line_GivesTheCostsTheAccuracyAndTheTimes()
    {
        var report = new EpochReport(3, 10, 0.3123456, s_test, TimeSpan.FromSeconds(6.14), TimeSpan.FromSeconds(0.31));

        Assert.Equal("Epoch  3/10  cost 0.312346  test cost 0.354321  test accuracy 75.00%  epoch 6.1 s  evaluation 0.3 s", report.Line);
        Assert.Equal(0.75, report.TestAccuracy);
    }

    [Fact]
    public void Line_OfEpochZero_SaysItIsBeforeTraining()
    {
        var report = new EpochReport(0, 2, 2.3, s_test, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        Assert.Equal("Epoch 0/2  cost 2.300000  test cost 0.354321  test accuracy 75.00%  before training", report.Line);
    }
}
