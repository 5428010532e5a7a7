using System;

namespace DeepNet.Training;

/// <summary>
/// The lecture's decay α = α0 / (1 + decayRate·⌊epoch / interval⌋). With the default interval of 1 it is the course's
/// <c>update_lr</c>; with an interval it is <c>schedule_lr_decay</c>, which lowers α only every interval epochs.
/// Epochs are counted from 0, so the first epoch trains with α0. (The course's notebook applies <c>update_lr(α0, i)</c>
/// after epoch i, so its epoch i + 1 runs with what this schedule gives epoch i.)
/// </summary>
public sealed record InverseTimeDecay : ILearningRateSchedule
{
    /// <summary>A decay of <paramref name="decayRate"/> every <paramref name="interval"/> epochs.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decayRate"/> is negative or not finite, or <paramref name="interval"/> is below 1.</exception>
    public InverseTimeDecay(double decayRate, int interval = 1)
    {
        DecayRate = decayRate;
        Interval = interval;
    }

    /// <summary>The decay rate: finite and at least 0 (0 keeps α0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative or non-finite value.</exception>
    public double DecayRate
    {
        get;
        init => field = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DecayRate), value, "The decay rate must be finite and at least 0.");
    }

    /// <summary>Epochs between two decreases of α: at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public int Interval
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Interval), value, "The interval must be at least 1 epoch.");
    }

    /// <inheritdoc/>
    public double LearningRate(double initialLearningRate, int epoch) =>
        initialLearningRate / (1 + DecayRate * (epoch / Interval));
}
