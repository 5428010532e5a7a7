using System;
using System.Collections.Generic;

namespace DeepNet.Training;

/// <summary>What a training run recorded.</summary>
/// <param name="Costs">The reported costs, one per report, in iteration order.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record TrainingResult(IReadOnlyList<TrainingProgress> Costs, TimeSpan Elapsed)
{
    /// <summary>The last reported cost (that of the last iteration).</summary>
    public double FinalCost => Costs[^1].Cost;
}
