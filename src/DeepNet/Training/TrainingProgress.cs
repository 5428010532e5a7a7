using System;
using System.Globalization;

namespace DeepNet.Training;

/// <summary>One report of <see cref="Trainer"/>: the cost before the update of <see cref="Iteration"/>.</summary>
/// <param name="Iteration">0-based iteration whose cost this is.</param>
/// <param name="Iterations">Total iterations of the run.</param>
/// <param name="Cost">J at that iteration, as a double whatever the network's precision.</param>
/// <param name="Elapsed">Wall time since training started.</param>
public readonly record struct TrainingProgress(int Iteration, int Iterations, double Cost, TimeSpan Elapsed)
{
    /// <summary>Estimated time left, from the mean time per iteration so far.</summary>
    public TimeSpan Remaining => Iteration <= 0 ? TimeSpan.Zero : Elapsed / (Iteration + 1) * (Iterations - Iteration - 1);

    /// <summary>The course notebook's line, with full round-trip precision: <c>Cost after iteration 0: 0.7717493284237686</c>.</summary>
    public string CourseLine => $"Cost after iteration {Iteration}: {PythonRepr(Cost)}";

    /// <summary>Shortest round-trip digits as Python's <c>repr</c> writes them (<c>1e-05</c>, not <c>1E-05</c>).</summary>
    private static string PythonRepr(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
