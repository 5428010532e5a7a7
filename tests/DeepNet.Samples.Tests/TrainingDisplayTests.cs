using System;
using System.IO;
using FashionMnist;
using Spectre.Console;

namespace DeepNet.Samples.Tests;

public sealed class TrainingDisplayTests
{
    private static readonly Evaluation s_test = new(0.5, ConfusionMatrix.Of(2, [0, 1], [0, 0]));

    private static EpochReport Epoch(int epoch) =>
        new(epoch, 3, 1.0 / (epoch + 1), s_test, TimeSpan.FromSeconds(epoch), TimeSpan.FromSeconds(0.1));

    /// <summary>A training stand-in that reports epochs 0 … 3 and returns a marker.</summary>
    private static string Train(Action<EpochReport> report)
    {
        for (int epoch = 0; epoch <= 3; epoch++)
            report(Epoch(epoch));
        return "trained";
    }

    [Fact]
    public void PlainDisplay_PrintsOneLinePerEpoch()
    {
        using var output = new StringWriter();

        string result = new PlainTrainingDisplay(output).Show(3, Train);

        Assert.Equal("trained", result);
        Assert.Equal([Epoch(0).Line, Epoch(1).Line, Epoch(2).Line, Epoch(3).Line],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void LiveDisplay_PrintsEveryEpochsLine_AndEndsAtTheLastEpoch()
    {
        using var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;

        string result = new LiveTrainingDisplay(console).Show(3, Train);

        Assert.Equal("trained", result);
        string text = writer.ToString();
        for (int epoch = 0; epoch <= 3; epoch++)
            Assert.Contains(Epoch(epoch).Line, text);
        Assert.Contains("Epoch 3/3  cost 0.2500  test accuracy 50.00%", text);
        Assert.Contains("100%", text);
    }
}
