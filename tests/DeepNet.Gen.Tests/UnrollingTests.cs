using DeepNet.Gen.Tests.Infrastructure;

namespace DeepNet.Gen.Tests;

/// <summary>
/// Which networks get straight-line code: every layer (the input included) at most 16 wide and at most 128 weights in
/// all. Larger ones call the kernels once per layer, so their source does not grow with the weights.
/// </summary>
public sealed class UnrollingTests
{
    private const string UnrolledMarker = "// Small enough to unroll";

    [Theory]
    [InlineData("5, 4, 3, 1", true)]
    [InlineData("16, 7, 1", true)]          // n0 = 16 and 112 + 7 = 119 weights
    [InlineData("8, 14, 1", true)]          // 112 + 14 = 126 weights
    [InlineData("2, 16, 8", false)]         // 32 + 128 = 160 weights
    [InlineData("17, 4, 1", false)]         // n0 = 17
    [InlineData("4, 17, 1", false)]         // n1 = 17
    [InlineData("8, 15, 1", false)]         // 120 + 15 = 135 weights
    [InlineData("3, 1", true)]
    public void SmallNetworksAreUnrolled(string sizes, bool unrolled)
    {
        GeneratorRun run = GeneratorRunAssert.NoGeneratorDiagnostics($"[DeepNet.Network({sizes})] public partial class Net {{ }}");
        string source = run.SingleSource();

        // Forward, ComputeCost, Backward, TrainingStep and Predict.
        Assert.Equal(unrolled ? 5 : 0, CountOf(source, UnrolledMarker));
        GeneratorRunAssert.CompilesWithoutWarnings(run);
    }

    [Fact]
    public void UnrolledNetworksKeepTheLayerByLayerPathForDropout()
    {
        string source = GeneratorHarness.Run("[DeepNet.Network(5, 4, 3, 1)] public partial class Net { }").SingleSource();

        // Forward, Backward and TrainingStep; 1024 / 35 weights = 29 examples at most.
        Assert.Equal(3, CountOf(source, "if (cache.IsDropoutEnabled || m > 29)"));
        Assert.Contains("cache.ApplyDropout(1);", source);
        Assert.Contains("cache.ApplyDropoutGradient(1);", source);
    }

    [Theory]
    [InlineData("5, 4, 3, 1", 29)]        // 35 weights
    [InlineData("16, 7, 1", 8)]           // 119 weights
    [InlineData("2, 4, 1", 64)]           // 12 weights: 85, capped at 64
    [InlineData("3, 1", 64)]
    public void TheUnrolledBatchShrinksAsTheWeightsGrow(string sizes, int examples)
    {
        string source = GeneratorHarness.Run($"[DeepNet.Network({sizes})] public partial class Net {{ }}").SingleSource();

        Assert.Equal(3, CountOf(source, $"if (cache.IsDropoutEnabled || m > {examples})"));
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, System.StringComparison.Ordinal))
            count++;
        return count;
    }
}
