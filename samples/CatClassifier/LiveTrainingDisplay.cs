using System;
using System.Globalization;
using DeepNet.Training;
using Spectre.Console;

namespace CatClassifier;

/// <summary>
/// A live progress bar in the terminal (iteration, cost, elapsed and remaining time) with the course's cost lines
/// printed above it as they come.
/// </summary>
public sealed class LiveTrainingDisplay(IAnsiConsole console) : ITrainingDisplay
{
    /// <summary>Whether the standard output is an interactive terminal outside CI, where a live display makes sense.</summary>
    public static bool IsSupported =>
        !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && AnsiConsole.Profile.Capabilities.Interactive;

    /// <inheritdoc/>
    public TrainingResult Show(CatModel model, int iterations, Func<Action<TrainingProgress>, TrainingResult> train)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        TrainingResult? result = null;
        console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(model.Title), maxValue: iterations);
                result = train(progress =>
                {
                    task.Value = progress.Iteration + 1;
                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"{model.Title}  iteration {progress.Iteration + 1}/{progress.Iterations}  cost {progress.Cost:F6}"));
                    if (CourseLines.IsPrinted(progress))
                        console.WriteLine(progress.CourseLine);
                });
            });
        return result!;
    }
}
