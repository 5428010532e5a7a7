using System;
using System.Globalization;
using Spectre.Console;

namespace FashionMnist;

/// <summary>
/// A live progress bar in the terminal (epoch, latest cost and test accuracy, elapsed and remaining time) with each
/// epoch's line printed above it as it ends.
/// </summary>
public sealed class LiveTrainingDisplay(IAnsiConsole console) : ITrainingDisplay
{
    /// <summary>Whether the standard output is an interactive terminal outside CI, where a live display makes sense.</summary>
    public static bool IsSupported =>
        !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && AnsiConsole.Profile.Capabilities.Interactive;

    /// <inheritdoc/>
    public TResult Show<TResult>(int epochs, Func<Action<EpochReport>, TResult> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        TResult result = default!;
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
                ProgressTask task = context.AddTask(Description(0, epochs, null), maxValue: epochs);
                result = train(report =>
                {
                    console.WriteLine(report.Line);
                    task.Value = report.Epoch;
                    task.Description = Description(report.Epoch, epochs, report);
                });
            });
        return result;
    }

    private static string Description(int epoch, int epochs, EpochReport? latest) =>
        Markup.Escape(latest is null
            ? string.Create(CultureInfo.InvariantCulture, $"Epoch {epoch}/{epochs}")
            : string.Create(CultureInfo.InvariantCulture, $"Epoch {epoch}/{epochs}  cost {latest.TrainingCost:F4}  test accuracy {latest.TestAccuracy * 100:F2}%"));
}
