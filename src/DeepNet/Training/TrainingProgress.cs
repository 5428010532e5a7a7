using System;
using System.Globalization;

namespace DeepNet.Training;

/// <summary>
/// One report of <see cref="Trainer"/>, made when an epoch ends. In full-batch training every iteration is an epoch and
/// <see cref="Cost"/> is J before that iteration's update, as the course prints it; with mini-batches it is the mean of the
/// epoch's mini-batch costs weighted by their sizes (the course's <c>cost_total / m</c>), each taken before its update.
/// </summary>
/// <param name="Iteration">0-based number of the last update of the epoch (in full-batch training, the iteration whose cost this is).</param>
/// <param name="Iterations">Total updates of the run.</param>
/// <param name="Cost">The cost, L2 penalty included, as a double whatever the network's precision.</param>
/// <param name="Elapsed">Wall time since training started, report callbacks included.</param>
public readonly record struct TrainingProgress(int Iteration, int Iterations, double Cost, TimeSpan Elapsed)
{
    /// <summary>0-based number of the epoch this report ends; <see cref="Iteration"/> unless set.</summary>
    public int Epoch { get; init; } = Iteration;

    /// <summary>Total epochs of the run; <see cref="Iterations"/> unless set (one update per epoch).</summary>
    public int Epochs { get; init; } = Iterations;

    /// <summary>α used throughout the epoch (after learning-rate decay); 0 unless set.</summary>
    public double LearningRate { get; init; }

    /// <summary>Time spent training (batching, propagation, updates) since training started: <see cref="Elapsed"/> without the report callbacks; <see cref="Elapsed"/> unless set.</summary>
    public TimeSpan TrainingTime { get; init; } = Elapsed;

    /// <summary>Estimated time left, from the mean time per iteration so far.</summary>
    public TimeSpan Remaining => Iteration <= 0 ? TimeSpan.Zero : Elapsed / (Iteration + 1) * (Iterations - Iteration - 1);

    /// <summary>
    /// The course notebook's line, with full round-trip precision: <c>Cost after iteration 0: 0.7717493284237686</c> when
    /// every epoch is one update (full-batch training), <c>Cost after epoch 3: 0.4120553103733497</c> otherwise.
    /// </summary>
    public string CourseLine => Epochs == Iterations
        ? $"Cost after iteration {Iteration}: {PythonRepr(Cost)}"
        : $"Cost after epoch {Epoch}: {PythonRepr(Cost)}";

    /// <summary>Shortest round-trip digits as Python's <c>repr</c> writes them (<c>1e-05</c>, not <c>1E-05</c>).</summary>
    private static string PythonRepr(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
