namespace DeepNet.Training;

/// <summary>
/// Learning-rate decay: the α used throughout an epoch as a function of the initial rate α0 and the epoch's 0-based
/// number. <see cref="Trainer"/> asks once per epoch (once per iteration in full-batch training, where every iteration is
/// an epoch). Implement it for any other schedule.
/// </summary>
public interface ILearningRateSchedule
{
    /// <summary>α for epoch <paramref name="epoch"/> (0, 1, …) starting from α0 = <paramref name="initialLearningRate"/>; finite and positive.</summary>
    double LearningRate(double initialLearningRate, int epoch);
}
