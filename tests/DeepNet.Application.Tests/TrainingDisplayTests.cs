using System;
using System.IO;
using System.Linq;
using CatClassifier;
using DeepNet.Training;
using Spectre.Console;

namespace DeepNet.Application.Tests;

public sealed class TrainingDisplayTests
{
    private const int M = 8;

    [Fact]
    public void PlainDisplay_PrintsOnlyTheCourseLines_EveryHundredIterationsAndTheLast()
    {
        using var output = new StringWriter();
        var (x, y) = TrainingData.Create(4, M);
        var network = new TinyNet();
        network.InitializeParameters(seed: 1);

        TrainingResult result = new PlainTrainingDisplay(output).Show(CatModel.TwoLayer, 250,
            report => Trainer.Train(network, x, y, new TrainingOptions { Iterations = 250, LearningRate = 0.01, ReportEvery = 1 }, report));

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(250, result.Costs.Count);
        Assert.Equal(new[] { 0, 100, 200, 249 }.Select(i => result.Costs[i].CourseLine), lines);
    }

    [Fact]
    public void LiveDisplay_ShowsTheProgress_PrintsTheCourseLines_AndReturnsTheResult()
    {
        using var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });
        var (x, y) = TrainingData.Create(4, M);
        var network = new TinyNet();
        network.InitializeParameters(seed: 1);
        TrainingResult? trained = null;

        TrainingResult shown = new LiveTrainingDisplay(console).Show(CatModel.Deep, 150, report =>
            trained = Trainer.Train(network, x, y, new TrainingOptions { Iterations = 150, LearningRate = 0.01, ReportEvery = 1 }, report));

        Assert.Same(trained, shown);
        string text = writer.ToString();
        Assert.Contains(shown.Costs[0].CourseLine, text);
        Assert.Contains(shown.Costs[100].CourseLine, text);
        Assert.Contains(shown.Costs[149].CourseLine, text);
        Assert.DoesNotContain(shown.Costs[50].CourseLine, text);
        Assert.Contains("L-layer model  iteration 150/150  cost", text);
        Assert.Contains("100%", text);
    }
}
