using System;
using System.Collections.Generic;

namespace FashionMnist;

/// <summary>What <see cref="FashionTraining.Run"/> measured.</summary>
/// <param name="Epochs">Epoch 0 (before training), then one report per epoch, in order.</param>
/// <param name="TrainingTime">The time spent training, evaluation excluded: the sum of the epochs' times.</param>
/// <param name="EvaluationTime">The time spent evaluating on the test set (and, for epoch 0, on the training set).</param>
public sealed record TrainingRun(IReadOnlyList<EpochReport> Epochs, TimeSpan TrainingTime, TimeSpan EvaluationTime)
{
    /// <summary>The last epoch's report: the trained network's test cost, accuracy and confusion matrix.</summary>
    public EpochReport Final => Epochs[^1];

    /// <summary>The mean training time of an epoch.</summary>
    public TimeSpan TimePerEpoch => TrainingTime / (Epochs.Count - 1);
}
