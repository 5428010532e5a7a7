using System;
using System.IO;
using DeepNet.Samples.Tests.TestData;

namespace DeepNet.Samples.Tests;

/// <summary>One short run of the sample on the installed data (6000 training images, one epoch), shared by the tests that inspect it.</summary>
public sealed class SampleRunFixture : IDisposable
{
    public const int TrainLimit = 6000;
    private readonly Lazy<SampleRunner.Run> _run;

    public SampleRunFixture()
    {
        OutputDirectory = Directory.CreateTempSubdirectory("deepnet-fashion-sample-").FullName;
        _run = new(() => SampleRunner.InProcess(
            "--data", FashionData.Directory, "--out", OutputDirectory, "--train-limit", $"{TrainLimit}", "--epochs", "1", "--batch-size", "64", "--seed", "1"));
    }

    /// <summary>Where the run wrote its pictures and model.</summary>
    public string OutputDirectory { get; }

    /// <summary>The run, started on first use.</summary>
    internal SampleRunner.Run Run => _run.Value;

    public void Dispose() => Directory.Delete(OutputDirectory, recursive: true);
}
