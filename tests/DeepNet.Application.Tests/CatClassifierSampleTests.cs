using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using CatClassifier;
using DeepNet.Application.Tests.TestData;
using DeepNet.Persistence;
using SkiaSharp;

namespace DeepNet.Application.Tests;

public sealed class CatClassifierSampleTests(SampleRunFixture sample) : IClassFixture<SampleRunFixture>, IDisposable
{
    private static readonly string[] OutputFiles =
    [
        "two-layer-model.dngm", "two-layer-model-cost.png", "two-layer-model-mislabelled.png",
        "l-layer-model.dngm", "l-layer-model-cost.png", "l-layer-model-mislabelled.png",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("deepnet-catsample-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [CatDataFact]
    public void Training_PrintsTheCourseLinesAccuraciesAndWallTime_ForBothModels()
    {
        SampleRunner.Run run = sample.Run;

        Assert.True(run.ExitCode == 0 && run.Error == "", run.ToString());
        string[] lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        string[] costLines = lines.Where(l => l.StartsWith("Cost after iteration", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, costLines.Length);
        Assert.Matches(@"^Cost after iteration 0: 0\.69304973565998\d*$", costLines[0]);
        Assert.Matches(@"^Cost after iteration 2: 0\.\d+$", costLines[1]);
        Assert.Matches(@"^Cost after iteration 0: 0\.77174932842376\d*$", costLines[2]);
        Assert.Matches(@"^Cost after iteration 2: 0\.\d+$", costLines[3]);
        Assert.Equal(2, lines.Count(l => Regex.IsMatch(l, @"^Train accuracy: [0-9.]+ \(\d+ of 209 correct\)$")));
        Assert.Equal(2, lines.Count(l => Regex.IsMatch(l, @"^Test accuracy: [0-9.]+ \(\d+ of 50 correct\)$")));
        Assert.Equal(2, lines.Count(l => Regex.IsMatch(l, @"^Wall time: [0-9.]+ s for 3 iterations \([0-9.]+ ms per iteration\)$")));
        Assert.Contains(lines, l => l.StartsWith("Two-layer model 12288-7-1 relu,sigmoid double", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("L-layer model 12288-20-7-5-1 relu,relu,relu,sigmoid double", StringComparison.Ordinal));
    }

    [CatDataFact]
    public void Training_WritesTheModelsAndPictures()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());

        Assert.Equal(OutputFiles.Order(), Directory.GetFiles(sample.OutputDirectory).Select(Path.GetFileName).Order());
        foreach (string file in OutputFiles)
            Assert.Contains($"Wrote {Path.Combine(sample.OutputDirectory, file)}", sample.Run.Output);
    }

    [CatDataFact]
    public void Training_SavesModelsThatReproduceThePrintedTestAccuracy()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());
        string[] printed = Regex.Matches(sample.Run.Output, @"Test accuracy: .*").Select(m => m.Value.TrimEnd()).ToArray();

        for (int k = 0; k < CatModel.All.Count; k++)
        {
            CatModel model = CatModel.All[k];
            ICatNetwork network = model.Create();
            ModelFile.Load(network, Path.Combine(sample.OutputDirectory, CatModelFiles.FileName(model)));
            Classification onTest = Classification.Of(network, CatData.Test);
            Assert.Equal($"Test accuracy: {onTest.Accuracy:R} ({onTest.Correct} of 50 correct)", printed[k]);
        }
    }

    [CatDataFact]
    public void Pictures_HaveTheirSize_AndTheirTextIsDrawn()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());
        Assert.True(FontCheck.Warning() is null, "No font is installed: PNG text cannot render. Install fonts-dejavu-core.");

        foreach (CatModel model in CatModel.All)
        {
            using SKBitmap cost = PngFile.Decode(Path.Combine(sample.OutputDirectory, model.FileStem + "-cost.png"));
            Assert.Equal((CostCurvePlot.Width, CostCurvePlot.Height), (cost.Width, cost.Height));
            // The title is the only thing drawn in the top band; the x-axis label the only thing in the bottom one.
            Assert.True(PngFile.DarkPixels(cost, 0, 28) > 200, $"{model.FileStem}-cost.png has no title text");
            Assert.True(PngFile.DarkPixels(cost, cost.Height - 22, cost.Height) > 200, $"{model.FileStem}-cost.png has no x-axis label");

            using SKBitmap grid = PngFile.Decode(Path.Combine(sample.OutputDirectory, model.FileStem + "-mislabelled.png"));
            Assert.True(PngFile.DarkPixels(grid, 0, 40) > 200, $"{model.FileStem}-mislabelled.png has no header text");
            Assert.True(grid.Height > 64 * MislabelledImagesPlot.Scale, "the grid shows no image");
        }
    }

    [CatDataFact]
    public void Predict_LoadsASavedModel_AndReportsItsTestAccuracy_WithoutTraining()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());
        string model = Path.Combine(sample.OutputDirectory, "l-layer-model.dngm");

        SampleRunner.Run run = SampleRunner.InProcess("--predict", "--model", model, "--data", CatData.Directory!);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Loaded the L-layer model (12288-20-7-5-1 relu,relu,relu,sigmoid double)", run.Output);
        string printedInTraining = Regex.Matches(sample.Run.Output, @"Test accuracy: .*")[1].Value.TrimEnd();
        Assert.Contains(printedInTraining, run.Output);
        Assert.DoesNotContain("Cost after", run.Output);
        Assert.DoesNotContain("Train accuracy", run.Output);
    }

    [CatDataFact]
    public void Predict_WithTheOtherArch_FailsNamingBothArchitectures()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());
        string model = Path.Combine(sample.OutputDirectory, "l-layer-model.dngm");

        SampleRunner.Run run = SampleRunner.InProcess("--predict", "--model", model, "--arch", "two", "--data", CatData.Directory!);

        Assert.Equal(CatClassifierApp.ExitFailure, run.ExitCode);
        Assert.Contains("12288-20-7-5-1 relu,relu,relu,sigmoid double", run.Error);
        Assert.Contains("12288-7-1 relu,sigmoid double", run.Error);
    }

    [CatDataFact]
    public void Training_Cancelled_StopsWithItsExitCode_AndWritesNoModel()
    {
        string folder = Path.Combine(_folder, "out");
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        int exitCode = CatClassifierApp.Run(["--data", CatData.Directory!, "--out", folder], output, error, cancellationToken: cancellation.Token);

        Assert.Equal(CatClassifierApp.ExitCancelled, exitCode);
        Assert.Contains("Cancelled.", error.ToString());
        Assert.DoesNotContain("Cost after", output.ToString());
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void Predict_OfAModelOfNeitherArchitecture_NamesAllThree()
    {
        string path = Path.Combine(_folder, "tiny.dngm");
        var tiny = new TinyNet();
        tiny.InitializeParameters(seed: 1);
        ModelFile.Save(tiny, path);

        SampleRunner.Run run = SampleRunner.InProcess("--predict", "--model", path);

        Assert.Equal(CatClassifierApp.ExitFailure, run.ExitCode);
        Assert.Contains("4-3-1 relu,sigmoid double", run.Error);
        Assert.Contains("12288-7-1 relu,sigmoid double", run.Error);
        Assert.Contains("12288-20-7-5-1 relu,relu,relu,sigmoid double", run.Error);
    }

    [Fact]
    public void Predict_OfAMissingModelFile_SaysWhichFile()
    {
        string path = Path.Combine(_folder, "absent.dngm");

        SampleRunner.Run run = SampleRunner.InProcess("--predict", "--model", path);

        Assert.Equal(CatClassifierApp.ExitFailure, run.ExitCode);
        Assert.Contains(path, run.Error);
    }

    [Fact]
    public void Training_WithoutTheData_NamesTheMissingFile()
    {
        SampleRunner.Run run = SampleRunner.InProcess("--data", _folder, "--out", Path.Combine(_folder, "out"), "--iterations", "1");

        Assert.Equal(CatClassifierApp.ExitFailure, run.ExitCode);
        Assert.Contains(CatDataFiles.TrainFileName, run.Error);
        Assert.Contains(_folder, run.Error);
    }

    [CatDataFact]
    public void Training_WithOnlyTheTrainingFile_NamesTheTestFile()
    {
        File.Copy(Path.Combine(CatData.Directory!, CatDataFiles.TrainFileName), Path.Combine(_folder, CatDataFiles.TrainFileName));

        SampleRunner.Run run = SampleRunner.InProcess("--data", _folder, "--out", Path.Combine(_folder, "out"), "--iterations", "1");

        Assert.Equal(CatClassifierApp.ExitFailure, run.ExitCode);
        Assert.Contains(CatDataFiles.TestFileName, run.Error);
    }

    [Theory]
    [InlineData("--iterations", "0")]
    [InlineData("--iterations", "many")]
    [InlineData("--iterations")]
    [InlineData("--arch", "wide")]
    [InlineData("--predict")]
    [InlineData("--model", "x.dngm")]
    [InlineData("--learning-rate", "1")]
    [InlineData("--data", "--predict")]
    public void WrongCommandLines_PrintTheProblemAndTheUsage(params string[] args)
    {
        SampleRunner.Run run = SampleRunner.InProcess(args);

        Assert.Equal(CatClassifierApp.ExitUsage, run.ExitCode);
        Assert.Contains("Usage: CatClassifier", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Help_PrintsTheUsage()
    {
        SampleRunner.Run run = SampleRunner.InProcess("--help");

        Assert.Equal(CatClassifierApp.ExitSuccess, run.ExitCode);
        Assert.Contains("--predict", run.Output);
    }

    [Fact]
    public void Options_AreParsed()
    {
        var options = CatClassifierOptions.Parse(["--data", "d", "--out", "o", "--iterations", "42", "--arch", "DEEP"]);

        Assert.Equal("d", options.DataDirectory);
        Assert.Equal("o", options.OutputDirectory);
        Assert.Equal(42, options.Iterations);
        Assert.Same(CatModel.Deep, options.Model);
        Assert.False(options.Predict);

        var defaults = CatClassifierOptions.Parse([]);
        Assert.Null(defaults.DataDirectory);
        Assert.Equal("out", defaults.OutputDirectory);
        Assert.Equal(2500, defaults.Iterations);
        Assert.Null(defaults.Model);
    }

    [Fact]
    public void DefaultDataDirectory_IsSharedDataBesideTheFolderHoldingTheSolution()
    {
        string repository = Directory.CreateDirectory(Path.Combine(_folder, "work", "main")).FullName;
        File.WriteAllText(Path.Combine(repository, RepositoryPaths.SolutionFileName), "");
        string nested = Directory.CreateDirectory(Path.Combine(repository, "samples", "CatClassifier", "bin")).FullName;
        string outside = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;

        Assert.Equal(repository, RepositoryPaths.FindRepositoryRoot(nested));
        Assert.Equal(repository, RepositoryPaths.FindRepositoryRoot(outside, nested));
        Assert.Null(RepositoryPaths.FindRepositoryRoot(outside));
        Assert.Equal(Path.Combine(_folder, "work", "shared", "data"), RepositoryPaths.DataDirectoryBeside(repository));
        Assert.Null(RepositoryPaths.DataDirectoryBeside(null));
    }

    [CatDataFact]
    public void AsAProcess_WithRedirectedOutput_PrintsOnlyPlainLines()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());
        string model = Path.Combine(sample.OutputDirectory, "two-layer-model.dngm");

        SampleRunner.Run run = SampleRunner.AsProcess(
            $"--predict --model {SampleRunner.Quote(model)} --data {SampleRunner.Quote(CatData.Directory!)}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Loaded the Two-layer model", run.Output);
        Assert.Matches(@"Test accuracy: [0-9.]+ \(\d+ of 50 correct\)", run.Output);
        Assert.DoesNotContain("\u001b[", run.Output);
    }

    /// <summary>
    /// A real I/O failure in the middle of writing a model: the process may write at most 100 KiB per file
    /// (ulimit -f, with SIGXFSZ ignored so that the write fails instead of killing it), and the 688 KB model is being
    /// replaced. The previous model file must stay byte-identical, and no temporary file may remain.
    /// </summary>
    [LinuxCatDataFact]
    public void AsAProcess_ThatCannotFinishWritingAModel_KeepsThePreviousFile_AndLeavesNoTemporaryFile()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());
        string folder = Path.Combine(_folder, "out");
        Directory.CreateDirectory(folder);
        string model = Path.Combine(folder, "two-layer-model.dngm");
        File.Copy(Path.Combine(sample.OutputDirectory, "two-layer-model.dngm"), model);
        byte[] previous = File.ReadAllBytes(model);

        // The runtime's write-xor-execute mapping is itself a file that the limit would cut short.
        SampleRunner.Run run = SampleRunner.AsProcess(
            $"--iterations 1 --arch two --data {SampleRunner.Quote(CatData.Directory!)} --out {SampleRunner.Quote(folder)}",
            shellPrefix: "trap '' XFSZ; ulimit -f 100; export DOTNET_EnableWriteXorExecute=0;");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Cost after iteration 0:", run.Output);
        Assert.Equal(previous, File.ReadAllBytes(model));
        Assert.Equal([model], Directory.GetFiles(folder));
    }
}
