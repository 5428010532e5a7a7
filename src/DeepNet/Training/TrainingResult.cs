using System;
using System.Collections.Generic;

namespace DeepNet.Training;

/// <summary>What a training run recorded.</summary>
/// <param name="Costs">The reports, one per reported epoch (in full-batch training, per reported iteration), in order.</param>
/// <param name="Elapsed">Wall time of the run, report callbacks included.</param>
public sealed record TrainingResult(IReadOnlyList<TrainingProgress> Costs, TimeSpan Elapsed)
{
    /// <summary>The last reported cost: that of the last epoch (in full-batch training, the last iteration).</summary>
    public double FinalCost => Costs[^1].Cost;
}
