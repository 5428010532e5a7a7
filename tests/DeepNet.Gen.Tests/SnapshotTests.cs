using System.Text;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace DeepNet.Gen.Tests;

/// <summary>The generated source of each representative network, compared with its committed snapshot and compiled.</summary>
public sealed class SnapshotTests
{
    /// <summary>Generated code must grow with the number of layers, not the number of weights.</summary>
    private const int MaxCatClassifierSourceBytes = 40 * 1024;

    private readonly ITestOutputHelper _output;

    public SnapshotTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [MemberData(nameof(SnapshotCases.Names), MemberType = typeof(SnapshotCases))]
    public void GeneratedSourceMatchesSnapshot(string name)
    {
        SnapshotCase snapshot = SnapshotCases.Get(name);
        GeneratorRun run = GeneratorHarness.Run(snapshot.Source);

        Assert.Empty(run.GeneratorDiagnostics);
        GeneratedSourceResult generated = Assert.Single(run.GeneratedSources);
        Assert.Equal(snapshot.HintName, generated.HintName);
        Snapshot.Verify(name, generated.SourceText.ToString());
    }

    [Theory]
    [MemberData(nameof(SnapshotCases.Names), MemberType = typeof(SnapshotCases))]
    public void GeneratedSourceCompilesWithoutWarnings(string name)
    {
        GeneratorRun run = GeneratorHarness.Run(SnapshotCases.Get(name).Source);

        Assert.Single(run.GeneratedSources);
        GeneratorRunAssert.CompilesWithoutWarnings(run);
    }

    [Fact]
    public void LargeInputNetworkSourceIsSmall()
    {
        int bytes = GeneratedBytes(SnapshotCases.Get(SnapshotCases.CatClassifierName).Source);
        _output.WriteLine($"{SnapshotCases.CatClassifierName} (12288-20-7-5-1): {bytes:N0} bytes of generated source.");

        Assert.True(bytes < MaxCatClassifierSourceBytes, $"The 12288-input network's source is {bytes:N0} bytes; expected under {MaxCatClassifierSourceBytes:N0}.");
    }

    [Fact]
    public void SourceSizeDoesNotGrowWithTheNumberOfWeights()
    {
        // 12288-20-7-5-1 has 246,015 weights and 4097-20-7-5-1 has 82,335 (both too wide for the fixed-size Input
        // type); only the digits of the sizes and offsets may differ.
        int large = GeneratedBytes("[DeepNet.Network(12288, 20, 7, 5, 1)] public partial class Net { }");
        int small = GeneratedBytes("[DeepNet.Network(4097, 20, 7, 5, 1)] public partial class Net { }");

        Assert.InRange(large - small, 0, 512);
    }

    [Fact]
    public void GeneratedCodeAttributeCarriesTheGeneratorVersion()
    {
        string version = typeof(NetworkGenerator).Assembly.GetName().Version!.ToString();
        string source = GeneratorHarness.Run(SnapshotCases.Get("TinyNet").Source).SingleSource();

        Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"DeepNet.Gen\", \"{version}\")]", source);
        Assert.Contains($"GeneratedCode(\"DeepNet.Gen\", \"{SnapshotStore.VersionPlaceholder}\")", SnapshotStore.Scrub(source));
    }

    private static int GeneratedBytes(string source) =>
        Encoding.UTF8.GetByteCount(GeneratorHarness.Run(source).SingleSource());
}
