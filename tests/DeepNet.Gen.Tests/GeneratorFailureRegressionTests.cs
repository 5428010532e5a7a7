using System.Linq;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DeepNet.Gen.Tests;

/// <summary>
/// Inputs on which the generator threw (CS8785) before, found by <see cref="Properties.GeneratorPropertyTests"/> and
/// by hand. <see cref="GeneratorHarness"/> fails every run in which the generator throws.
/// </summary>
public sealed class GeneratorFailureRegressionTests
{
    // Parser.ParseActivations sizes its result by L = (layer sizes − 1) but writes one entry per Activations name: with
    // fewer than two sizes and any name, IndexOutOfRangeException.
    [Theory]
    [InlineData("[DeepNet.Network(null, Activations = new[] { \"tanh\", \"sigmoid\" })]")]
    [InlineData("[DeepNet.Network(5, Activations = new[] { \"sigmoid\" })]")]
    [InlineData("[DeepNet.Network(Activations = new[] { \"relu\", \"sigmoid\" })]")]
    public void ActivationsWithTooFewLayerSizesIsOnlyDiagnosed(string attribute)
    {
        GeneratorRun run = GeneratorHarness.Run(attribute + "\npublic partial class Net { }");

        Assert.Equal(new[] { "DNG001" }, run.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(run.GeneratedSources);
    }

    // NetworkSpec.HintName joins namespace and containing types with '.', so namespace A.B's Net and class A.B's
    // nested Net both emit "A.B.Net.g.cs" and AddSource throws. The code is already in error (CS0101: A.B is both a
    // namespace and a class), but the generator must not fail on it.
    [Fact]
    public void NamespaceAndClassOfTheSameNameDoNotFailTheGenerator()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            namespace A.B { [DeepNet.Network(2, 1)] public partial class Net { } }
            namespace A { public partial class B { [DeepNet.Network(3, 1)] public partial class Net { } } }
            """);

        Assert.Contains(run.InputCompilation.GetDiagnostics(), d => d.Id == "CS0101");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(run.GeneratedSources.Length, run.GeneratedSources.Select(s => s.HintName).Distinct().Count());
    }
}
