using System.Linq;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepNet.Gen.Tests;

/// <summary>How the generator reads attributes it accepts, and how it stays out of the way of the compiler's own errors.</summary>
public sealed class ParserBehaviourTests
{
    [Fact]
    public void NamesAreCaseInsensitive()
    {
        string mixedCase = GeneratorRunAssert.NoGeneratorDiagnostics("""
            [DeepNet.Network(3, 4, 1, Hidden = "ReLU", Output = "SIGMOID", Precision = "Float")]
            public partial class Net { }
            """).SingleSource();
        string lowerCase = GeneratorRunAssert.NoGeneratorDiagnostics("""
            [DeepNet.Network(3, 4, 1, Hidden = "relu", Output = "sigmoid", Precision = "float")]
            public partial class Net { }
            """).SingleSource();

        Assert.Equal(lowerCase, mixedCase);
        Assert.Contains("ActivationKernels.Relu<float>", mixedCase);
    }

    [Fact]
    public void DefaultsAreReluHiddenSigmoidOutputAndDouble()
    {
        string defaults = GeneratorRunAssert.NoGeneratorDiagnostics("[DeepNet.Network(3, 4, 1)] public partial class Net { }").SingleSource();
        string explicitValues = GeneratorRunAssert.NoGeneratorDiagnostics(
            "[DeepNet.Network(3, 4, 1, Hidden = \"relu\", Output = \"sigmoid\", Precision = \"double\")] public partial class Net { }").SingleSource();

        Assert.Equal(explicitValues, defaults);
    }

    [Fact]
    public void ConstantsAndAliasesAreUnderstood()
    {
        string written = GeneratorRunAssert.NoGeneratorDiagnostics("""
            [DeepNet.Network(3, 4, 1, Hidden = "tanh")]
            public partial class Net { }
            """).SingleSource();
        string resolved = GeneratorRunAssert.NoGeneratorDiagnostics("""
            using Layers = DeepNet.NetworkAttribute;

            [Layers(Sizes.Inputs, Sizes.Inputs + 1, 1, Hidden = DeepNet.ActivationNames.Tanh)]
            public partial class Net { }

            static class Sizes
            {
                public const int Inputs = 3;
            }
            """).SingleSource();

        Assert.Equal(written, resolved);
    }

    [Theory]
    [InlineData("[DeepNet.Network(\"a\")]", "CS1503")]
    [InlineData("[DeepNet.Network(2.5, 1)]", "CS1503")]
    [InlineData("[DeepNet.Network(2, size)]", "CS0103")]
    [InlineData("[DeepNet.Network(2, 1, Hidden = 3)]", "CS0029")]
    [InlineData("[DeepNet.Network(2, 1, Hidden = )]", "CS1525")]
    [InlineData("[DeepNet.Network(2, 1, Precision = Unknown.Name)]", "CS0103")]
    public void ArgumentsThatDoNotBindAreLeftToTheCompiler(string attribute, string compilerError)
    {
        GeneratorRun run = GeneratorHarness.Run(attribute + "\npublic partial class Net { }");

        Assert.Contains(run.InputCompilation.GetDiagnostics(), d => d.Id == compilerError && d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void ValidCodeHasNoDiagnostics()
    {
        GeneratorRun run = GeneratorRunAssert.NoGeneratorDiagnostics(
            """
            namespace First
            {
                [DeepNet.Network(3, 1)]
                public partial class Net { }
            }
            """,
            """
            namespace Second
            {
                [DeepNet.Network(3, 5, 2, Hidden = "leaky_relu")]
                public partial class Net
                {
                    public string Describe() => $"{InputSize} inputs, {ParameterCount} parameters";
                }
            }
            """);

        Assert.Equal(new[] { "First.Net.g.cs", "Second.Net.g.cs" }, run.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
        GeneratorRunAssert.CompilesWithoutWarnings(run);
    }

    [Fact]
    public void OlderLanguageVersionsGetNoInlineArrayTypes()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp11),
            "[DeepNet.Network(3, 4, 2)] public partial class Net { }");
        GeneratorRun run = GeneratorHarness.Run(compilation);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain("InlineArray", run.SingleSource());
        GeneratorRunAssert.CompilesWithoutWarnings(run);
    }
}
