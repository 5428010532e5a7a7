using System;
using System.IO;
using DeepNet.Application.Tests.TestData;

namespace DeepNet.Application.Tests;

/// <summary>One short run of the sample on the real data (3 iterations per model), shared by the tests that inspect it.</summary>
public sealed class SampleRunFixture : IDisposable
{
    public const int Iterations = 3;
    private readonly Lazy<SampleRunner.Run> _run;

    public SampleRunFixture()
    {
        OutputDirectory = Directory.CreateTempSubdirectory("deepnet-catsample-").FullName;
        _run = new(() => SampleRunner.InProcess("--data", CatData.Directory!, "--out", OutputDirectory, "--iterations", $"{Iterations}"));
    }

    /// <summary>Where the run wrote its pictures and models.</summary>
    public string OutputDirectory { get; }

    /// <summary>The run, started on first use.</summary>
    internal SampleRunner.Run Run => _run.Value;

    public void Dispose() => Directory.Delete(OutputDirectory, recursive: true);
}
