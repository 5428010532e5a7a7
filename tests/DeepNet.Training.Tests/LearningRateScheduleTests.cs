using System;
using System.Linq;

namespace DeepNet.Training.Tests;

/// <summary>The learning-rate schedules on values worked by hand.</summary>
public sealed class LearningRateScheduleTests
{
    [Fact]
    public void InverseTimeDecay_IsTheCoursesUpdateLr()
    {
        // α0 = 0.2, decay rate 1: 0.2/1, 0.2/2, 0.2/3, 0.2/4.
        var decay = new InverseTimeDecay(1);

        Assert.Equal([0.2, 0.1, 0.2 / 3, 0.05], Enumerable.Range(0, 4).Select(e => decay.LearningRate(0.2, e)));
        Assert.Equal(0.2, new InverseTimeDecay(0).LearningRate(0.2, 1000));
    }

    [Fact]
    public void InverseTimeDecay_WithAnInterval_IsTheCoursesScheduleLrDecay()
    {
        // α0 = 0.5, decay rate 0.3, every 1000 epochs: α0 until epoch 999, α0/1.3 from 1000, α0/1.6 from 2000.
        var decay = new InverseTimeDecay(0.3, interval: 1000);

        Assert.Equal(0.5, decay.LearningRate(0.5, 0));
        Assert.Equal(0.5, decay.LearningRate(0.5, 999));
        Assert.Equal(0.5 / 1.3, decay.LearningRate(0.5, 1000), 15);
        Assert.Equal(0.5 / 1.3, decay.LearningRate(0.5, 1999), 15);
        Assert.Equal(0.5 / 1.6, decay.LearningRate(0.5, 2000), 15);
    }

    [Fact]
    public void ExponentialDecay_MultipliesByTheRateEveryEpoch()
    {
        var decay = new ExponentialDecay(0.95);

        Assert.Equal(0.1, decay.LearningRate(0.1, 0));
        Assert.Equal(0.095, decay.LearningRate(0.1, 1), 15);
        Assert.Equal(0.09025, decay.LearningRate(0.1, 2), 15);
        Assert.Equal(0.1, new ExponentialDecay(1).LearningRate(0.1, 500));
    }

    [Fact]
    public void Settings_OutsideTheirRange_AreRejected()
    {
        Assert.Equal("DecayRate", Assert.Throws<ArgumentOutOfRangeException>(() => new InverseTimeDecay(-1)).ParamName);
        Assert.Equal("DecayRate", Assert.Throws<ArgumentOutOfRangeException>(() => new InverseTimeDecay(double.NaN)).ParamName);
        Assert.Equal("Interval", Assert.Throws<ArgumentOutOfRangeException>(() => new InverseTimeDecay(1, 0)).ParamName);
        Assert.Equal("Rate", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(0)).ParamName);
        Assert.Equal("Rate", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(1.01)).ParamName);
        Assert.Equal("Interval", Assert.Throws<ArgumentOutOfRangeException>(() => new InverseTimeDecay(1) with { Interval = -3 }).ParamName);
    }
}
