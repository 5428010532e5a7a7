using System;

namespace DeepNet.Training;

/// <summary>
/// How <see cref="Trainer"/> trains: how long (<see cref="Iterations"/> or <see cref="Epochs"/>), on what batches
/// (<see cref="BatchSize"/>, <see cref="Shuffle"/>, <see cref="ShuffleSeed"/>), with which update
/// (<see cref="LearningRate"/>, <see cref="LearningRateSchedule"/>, <see cref="Optimizer"/>), which regularization
/// (<see cref="L2Lambda"/>) and how often it reports (<see cref="ReportEvery"/>).
/// The defaults are the course's <c>L_layer_model</c>: full-batch gradient descent without regularization.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>
    /// Number of parameter updates (at least 1): one per mini-batch, or one per pass over the data in full-batch training.
    /// Set this or <see cref="Epochs"/>, not both. With mini-batches the run may stop part-way through its last epoch.
    /// </summary>
    public int? Iterations { get; init; }

    /// <summary>
    /// Number of passes over the training set (at least 1), each of ⌈m / <see cref="BatchSize"/>⌉ updates (one in full-batch
    /// training). Set this or <see cref="Iterations"/>, not both.
    /// </summary>
    public int? Epochs { get; init; }

    /// <summary>α (α0 when a <see cref="LearningRateSchedule"/> decays it): finite and positive.</summary>
    public required double LearningRate { get; init; }

    /// <summary>
    /// Examples per mini-batch (at least 1), or null (the default) for full-batch training on all m examples every
    /// iteration. The last mini-batch of an epoch holds the remaining m mod BatchSize examples when m is not a multiple;
    /// a size of m or more makes one batch of all m examples.
    /// </summary>
    public int? BatchSize { get; init; }

    /// <summary>
    /// Whether mini-batches are drawn from a new random order every epoch (the default) or from the columns in order.
    /// Full-batch training never shuffles.
    /// </summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>
    /// The seed of epoch 0's shuffle (0 … 2³¹ − 1); epoch e orders the examples as <c>np.random.seed(ShuffleSeed + e)</c>
    /// followed by <c>np.random.permutation(m)</c>, as the course's <c>random_mini_batches</c> does with a seed raised by one
    /// each epoch (its <c>model</c>, starting from seed = 10, corresponds to ShuffleSeed = 11).
    /// </summary>
    public int ShuffleSeed { get; init; }

    /// <summary>The update rule; plain <see cref="GradientDescent"/> by default. See also <see cref="Momentum"/>, <see cref="RmsProp"/> and <see cref="Adam"/>.</summary>
    public IOptimizer Optimizer { get; init; } = new GradientDescent();

    /// <summary>Learning-rate decay, applied per epoch (per iteration in full-batch training); null (the default) keeps <see cref="LearningRate"/>.</summary>
    public ILearningRateSchedule? LearningRateSchedule { get; init; }

    /// <summary>λ of L2 regularization (see <see cref="L2Regularization"/>): finite and at least 0; 0 (the default) disables it.</summary>
    public double L2Lambda { get; init; }

    /// <summary>
    /// The cost is reported and recorded every this many epochs and at the last one; in full-batch training every
    /// iteration is an epoch, so the default of 100 is the course's notebooks' "every 100 iterations".
    /// </summary>
    public int ReportEvery { get; init; } = 100;

    internal void Validate()
    {
        if (Iterations is null == Epochs is null)
            throw new ArgumentException(
                Iterations is null
                    ? "Set how long to train: Iterations (parameter updates) or Epochs (passes over the data)."
                    : $"Set Iterations ({Iterations}) or Epochs ({Epochs}), not both.",
                nameof(Iterations));
        if (Iterations < 1)
            throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "At least one iteration is expected.");
        if (Epochs < 1)
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "At least one epoch is expected.");
        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be finite and positive.");
        if (BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "A mini-batch holds at least 1 example; null trains on the full batch.");
        if (ShuffleSeed < 0)
            throw new ArgumentOutOfRangeException(nameof(ShuffleSeed), ShuffleSeed, "numpy seeds are at least 0.");
        if (Optimizer is null)
            throw new ArgumentNullException(nameof(Optimizer), "An optimizer is required; GradientDescent is the course's.");
        if (!double.IsFinite(L2Lambda) || L2Lambda < 0)
            throw new ArgumentOutOfRangeException(nameof(L2Lambda), L2Lambda, "λ must be finite and at least 0.");
        if (ReportEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(ReportEvery), ReportEvery, "The report interval must be at least 1 epoch.");
    }
}
