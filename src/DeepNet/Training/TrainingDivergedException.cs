using System;

namespace DeepNet.Training;

/// <summary>
/// The cost became NaN or infinite. The network was restored to the parameters of the last iteration whose cost was
/// finite, so a diverged run never leaves a network full of NaN.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for a cost of <paramref name="cost"/> at <paramref name="iteration"/>.</summary>
    public TrainingDivergedException(int iteration, double cost, double learningRate)
        : base($"Training diverged: the cost at iteration {iteration} is {cost}. " +
               (iteration == 0
                   ? "The network keeps the parameters it started with; check them and the data."
                   : $"The network keeps the parameters of iteration {iteration - 1}, the last with a finite cost; try a lower learning rate than {learningRate}."))
    {
        Iteration = iteration;
        Cost = cost;
        LearningRate = learningRate;
    }

    /// <summary>The iteration whose cost was not finite.</summary>
    public int Iteration { get; }

    /// <summary>The non-finite cost.</summary>
    public double Cost { get; }

    /// <summary>The learning rate of the run.</summary>
    public double LearningRate { get; }
}
