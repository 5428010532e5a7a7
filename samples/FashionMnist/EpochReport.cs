using System;
using System.Globalization;

namespace FashionMnist;

/// <summary>Where training stands after an epoch (epoch 0: before training).</summary>
/// <param name="Epoch">1 … Epochs, or 0 for the initial parameters.</param>
/// <param name="Epochs">The number of epochs of the run.</param>
/// <param name="TrainingCost">
/// The mean of the epoch's mini-batch costs, each taken before its update; for epoch 0, the cost of the initial
/// parameters on the whole training set.
/// </param>
/// <param name="Test">The cost and confusion matrix on the test set at the end of the epoch.</param>
/// <param name="EpochTime">The time spent training in this epoch (shuffling, propagation, updates), without the evaluation; zero for epoch 0.</param>
/// <param name="EvaluationTime">The time spent evaluating after the epoch.</param>
public sealed record EpochReport(int Epoch, int Epochs, double TrainingCost, Evaluation Test, TimeSpan EpochTime, TimeSpan EvaluationTime)
{
    /// <summary>The fraction of test images classified correctly.</summary>
    public double TestAccuracy => Test.Accuracy;

    /// <summary>
    /// The progress line, such as
    /// <c>Epoch  3/10  cost 0.312345  test cost 0.354321  test accuracy 87.12%  epoch 6.1 s  evaluation 0.3 s</c>.
    /// </summary>
    public string Line
    {
        get
        {
            int width = Epochs.ToString(CultureInfo.InvariantCulture).Length;
            string epoch = Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(width);
            string measures = string.Create(CultureInfo.InvariantCulture,
                $"cost {TrainingCost:F6}  test cost {Test.Cost:F6}  test accuracy {TestAccuracy * 100:F2}%");
            string times = Epoch == 0
                ? "before training"
                : string.Create(CultureInfo.InvariantCulture, $"epoch {EpochTime.TotalSeconds:F1} s  evaluation {EvaluationTime.TotalSeconds:F1} s");
            return $"Epoch {epoch}/{Epochs}  {measures}  {times}";
        }
    }
}
