using System;

namespace DeepNet.Training;

/// <summary>How <see cref="Trainer"/> runs full-batch gradient descent.</summary>
public sealed record TrainingOptions
{
    /// <summary>Number of gradient-descent iterations (at least 1).</summary>
    public required int Iterations { get; init; }

    /// <summary>α: finite and positive.</summary>
    public required double LearningRate { get; init; }

    /// <summary>The cost is reported and recorded every this many iterations (and at the last one), as the course's notebooks do every 100.</summary>
    public int ReportEvery { get; init; } = 100;

    internal void Validate()
    {
        if (Iterations < 1)
            throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "At least one iteration is expected.");
        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be finite and positive.");
        if (ReportEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(ReportEvery), ReportEvery, "The report interval must be at least 1 iteration.");
    }
}
