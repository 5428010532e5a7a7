using System;

namespace DeepNet.Training;

/// <summary>The lecture's exponential decay α = rateᵉᵖᵒᶜʰ·α0 (for example 0.95ᵉᵖᵒᶜʰ·α0), epochs counted from 0.</summary>
public sealed record ExponentialDecay : ILearningRateSchedule
{
    /// <summary>A decay by the factor <paramref name="rate"/> per epoch.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is outside (0, 1].</exception>
    public ExponentialDecay(double rate)
    {
        Rate = rate;
    }

    /// <summary>The factor applied to α every epoch: in (0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside (0, 1].</exception>
    public double Rate
    {
        get;
        init => field = value > 0 && value <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Rate), value, "The decay factor per epoch must be in (0, 1].");
    }

    /// <inheritdoc/>
    public double LearningRate(double initialLearningRate, int epoch) =>
        Math.Pow(Rate, epoch) * initialLearningRate;
}
