using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DeepNet.Persistence;
using DeepNet.Samples.Tests.TestData;
using FashionMnist;
using SkiaSharp;

namespace DeepNet.Samples.Tests;

public sealed class FashionMnistSampleTests(SampleRunFixture sample) : IClassFixture<SampleRunFixture>, IDisposable
{
    private static readonly string[] OutputFiles =
        [FashionMnistApp.ModelFileName, FashionMnistApp.LearningCurvesFileName, FashionMnistApp.ConfusionMatrixFileName];

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [FashionDataFact]
    public void Training_PrintsTheData_TheNetwork_EveryEpoch_TheAccuracyAndTheWallTime()
    {
        SampleRunner.Run run = sample.Run;

        Assert.True(run.ExitCode == 0 && run.Error == "", run.ToString());
        string[] lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Matches(@"^Fashion-MNIST: 60000 training and 10000 test images of 28 × 28 from /usr/share/datasets/fashion-mnist \(read in [0-9.]+ s\)$", lines[0]);
        Assert.Equal("Training on the first 6000 of them (--train-limit).", lines[1]);
        Assert.Matches(@"^Network 784-256-128-10 relu,relu,softmax double, He initialisation: Adam α = 0\.001 × 0\.8\^epoch, mini-batches of 64, 1 epoch, seed 1, \d+ processors$", lines[2]);
        Assert.Matches(@"^Epoch 0/1  cost [0-9.]+  test cost [0-9.]+  test accuracy [0-9.]+%  before training$", lines[3]);
        Assert.Matches(@"^Epoch 1/1  cost [0-9.]+  test cost [0-9.]+  test accuracy [0-9.]+%  epoch [0-9.]+ s  evaluation [0-9.]+ s$", lines[4]);
        Match accuracy = Regex.Match(lines[5], @"^Test accuracy: ([0-9.]+) \((\d+) of 10000 correct\)$");
        Assert.True(accuracy.Success, lines[5]);
        Assert.True(double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0.7, lines[5]);
        Assert.Matches(@"^Wall time: [0-9.]+ s for 1 epoch of 6000 images \([0-9.]+ s per epoch\), plus [0-9.]+ s evaluating$", lines[6]);
    }

    [FashionDataFact]
    public void Training_WritesTheModelAndThePictures()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());

        Assert.Equal(OutputFiles.Order(), Directory.GetFiles(sample.OutputDirectory).Select(Path.GetFileName).Order());
        foreach (string file in OutputFiles)
            Assert.Contains($"Wrote {Path.Combine(sample.OutputDirectory, file)}", sample.Run.Output);
    }

    [FashionDataFact]
    public void TheSavedModel_ReproducesThePrintedTestAccuracy()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());
        var network = new FashionNet();

        ModelFile.Load(network, Path.Combine(sample.OutputDirectory, FashionMnistApp.ModelFileName));

        ConfusionMatrix onTest = new SetEvaluator(network).Evaluate(FashionData.Test).Confusion;
        Assert.Contains($"Test accuracy: {onTest.Accuracy:R} ({onTest.Correct} of 10000 correct)", sample.Run.Output);
    }

    [FashionDataFact]
    public void LearningCurves_HaveTheirSize_TitlesAndCurves()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());
        Assert.True(FontCheck.Warning() is null, "No font is installed: PNG text cannot render. Install fonts-dejavu-core.");

        using SKBitmap curves = PngFile.Decode(Path.Combine(sample.OutputDirectory, FashionMnistApp.LearningCurvesFileName));

        Assert.Equal((LearningCurvesPlot.Width, LearningCurvesPlot.Height), (curves.Width, curves.Height));
        int half = curves.Width / 2;
        // Each panel's title is the only thing drawn in its top band; its curves are the only coloured pixels.
        Assert.True(PngFile.DarkPixels(curves, 0, 0, half, 28) > 200, "the cost panel has no title");
        Assert.True(PngFile.DarkPixels(curves, half, 0, curves.Width, 28) > 200, "the accuracy panel has no title");
        Assert.True(ColouredPixels(curves, 0, half) > 300, "the cost panel has no curves");
        Assert.True(ColouredPixels(curves, half, curves.Width) > 30, "the accuracy panel has no curve");
    }

    [FashionDataFact]
    public void ConfusionMatrix_HasItsSize_ItsTitle_AndCellsShadedByTheirCounts()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());
        var network = new FashionNet();
        ModelFile.Load(network, Path.Combine(sample.OutputDirectory, FashionMnistApp.ModelFileName));
        ConfusionMatrix confusion = new SetEvaluator(network).Evaluate(FashionData.Test).Confusion;

        using SKBitmap picture = PngFile.Decode(Path.Combine(sample.OutputDirectory, FashionMnistApp.ConfusionMatrixFileName));

        Assert.Equal(ConfusionMatrixPlot.Size(10), (picture.Width, picture.Height));
        Assert.True(PngFile.DarkPixels(picture, 0, 0, picture.Width, 36) > 300, "the confusion matrix has no title");
        for (int actual = 0; actual < 10; actual++)
        {
            for (int predicted = 0; predicted < 10; predicted++)
            {
                int count = confusion.Count(actual, predicted);
                int brightness = CellBrightness(picture, actual, predicted);
                if (count == 0)
                    Assert.Equal(3 * 255, brightness);
                for (int other = 0; other < 10; other++)
                {
                    if (confusion.Count(actual, other) < count)
                        Assert.True(brightness < CellBrightness(picture, actual, other), $"row {actual}: {count} is not darker than {confusion.Count(actual, other)}");
                }
            }
        }
    }

    [Fact]
    public void Training_OnAFolderWrittenByTheTest_WritesTheModelAndPictures()
    {
        using var data = new SyntheticFashionFolder();
        string folder = Path.Combine(_folder.Path, "out");

        SampleRunner.Run run = SampleRunner.InProcess("--data", data.Path, "--out", folder, "--epochs", "2", "--batch-size", "50");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Fashion-MNIST: {SyntheticFashionFolder.TrainCount} training and {SyntheticFashionFolder.TestCount} test images", run.Output);
        Assert.Contains("Epoch 2/2", run.Output);
        Assert.Matches($@"Test accuracy: [0-9.]+ \(\d+ of {SyntheticFashionFolder.TestCount} correct\)", run.Output);
        Assert.Equal(OutputFiles.Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Equal(ModelFile.FileLength(new FashionNet().Architecture), new FileInfo(Path.Combine(folder, FashionMnistApp.ModelFileName)).Length);
    }

    [Fact]
    public void AsAProcess_WithRedirectedOutput_PrintsOnlyPlainLines()
    {
        using var data = new SyntheticFashionFolder();

        SampleRunner.Run run = SampleRunner.AsProcess("--data", data.Path, "--out", Path.Combine(_folder.Path, "out"), "--epochs", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Epoch 1/1  cost", run.Output);
        Assert.DoesNotContain("\u001b[", run.Output);
    }

    [Fact]
    public void Training_Cancelled_StopsWithItsExitCode_AndWritesNothing()
    {
        using var data = new SyntheticFashionFolder();
        string folder = Path.Combine(_folder.Path, "out");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        SampleRunner.Run run = SampleRunner.InProcess(cancellation.Token, "--data", data.Path, "--out", folder);

        Assert.Equal(FashionMnistApp.ExitCancelled, run.ExitCode);
        Assert.Contains("Cancelled.", run.Error);
        Assert.DoesNotContain("Epoch", run.Output);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void Training_WithoutTheDataFolder_NamesItAndThePackage()
    {
        string absent = Path.Combine(_folder.Path, "absent");

        SampleRunner.Run run = SampleRunner.InProcess("--data", absent, "--out", Path.Combine(_folder.Path, "out"));

        Assert.Equal(FashionMnistApp.ExitFailure, run.ExitCode);
        Assert.Contains(absent, run.Error);
        Assert.Contains("dataset-fashion-mnist", run.Error);
    }

    [Fact]
    public void Training_OnFilesThatDisagree_NamesTheFiles()
    {
        using var data = new SyntheticFashionFolder(testLabelCount: SyntheticFashionFolder.TestCount - 1);

        SampleRunner.Run run = SampleRunner.InProcess("--data", data.Path, "--out", Path.Combine(_folder.Path, "out"));

        Assert.Equal(FashionMnistApp.ExitFailure, run.ExitCode);
        Assert.Contains($"{Path.Combine(data.Path, FashionMnistFiles.TestImages)} holds {SyntheticFashionFolder.TestCount} images", run.Error);
        Assert.Contains($"{Path.Combine(data.Path, FashionMnistFiles.TestLabels)} holds {SyntheticFashionFolder.TestCount - 1} labels", run.Error);
    }

    [Theory]
    [InlineData("--epochs", "0")]
    [InlineData("--epochs", "ten")]
    [InlineData("--batch-size", "0")]
    [InlineData("--batch-size")]
    [InlineData("--train-limit", "-5")]
    [InlineData("--seed", "-1")]
    [InlineData("--seed", "2147483648")]
    [InlineData("--learning-rate", "0.01")]
    [InlineData("--data", "--epochs", "1")]
    public void WrongCommandLines_PrintTheProblemAndTheUsage(params string[] args)
    {
        SampleRunner.Run run = SampleRunner.InProcess(args);

        Assert.Equal(FashionMnistApp.ExitUsage, run.ExitCode);
        Assert.Contains("Usage: FashionMnist", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Help_PrintsTheUsage()
    {
        SampleRunner.Run run = SampleRunner.InProcess("--help");

        Assert.Equal(FashionMnistApp.ExitSuccess, run.ExitCode);
        Assert.Contains("--train-limit N", run.Output);
    }

    [Fact]
    public void Options_AreParsed_WithTheirDefaults()
    {
        var options = FashionMnistOptions.Parse(["--data", "d", "--out", "o", "--epochs", "3", "--batch-size", "128", "--train-limit", "500", "--seed", "0"]);

        Assert.Equal(("d", "o", 500), (options.DataDirectory, options.OutputDirectory, options.TrainLimit));
        Assert.Equal(new TrainingSettings { Epochs = 3, BatchSize = 128, Seed = 0 }, options.Settings);

        var defaults = FashionMnistOptions.Parse([]);
        Assert.Null(defaults.DataDirectory);
        Assert.Null(defaults.TrainLimit);
        Assert.Equal("out", defaults.OutputDirectory);
        Assert.Equal(new TrainingSettings(), defaults.Settings);
        Assert.Equal((10, 64, 1), (defaults.Settings.Epochs, defaults.Settings.BatchSize, defaults.Settings.Seed));
    }

    /// <summary>The summed RGB of a cell's fill, read at a corner inside the cell, away from its count.</summary>
    private static int CellBrightness(SKBitmap picture, int actual, int predicted)
    {
        SKColor c = picture.GetPixel(ConfusionMatrixPlot.GridLeft + predicted * ConfusionMatrixPlot.Cell + 4, ConfusionMatrixPlot.GridTop + actual * ConfusionMatrixPlot.Cell + 4);
        return c.Red + c.Green + c.Blue;
    }

    /// <summary>Pixels of clear colour (curves and their legend marks), not black, white or grey.</summary>
    private static int ColouredPixels(SKBitmap bitmap, int left, int right)
    {
        int count = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = left; x < right; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 80)
                    count++;
            }
        }
        return count;
    }
}
