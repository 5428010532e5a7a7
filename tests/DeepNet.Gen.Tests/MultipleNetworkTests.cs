using System;
using System.Linq;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepNet.Gen.Tests;

/// <summary>
/// Several networks in one compilation: each is generated on its own (one file each, compiling together and usable
/// side by side), each reports only its own problems, and [Network] given twice to one type is left to the compiler.
/// </summary>
public sealed class MultipleNetworkTests
{
    [Fact]
    public void TwoNetworksInOneFileAreBothGeneratedAndUsable()
    {
        GeneratorRun run = GeneratorRunAssert.NoGeneratorDiagnostics("""
            using DeepNet;

            namespace App;

            [Network(3, 2, 1)]
            public partial class First { }

            [Network(4, 5, 2, Hidden = "tanh", Precision = "float")]
            public partial class Second { }

            public static class Use
            {
                public static int Sizes() => First.InputSize + Second.InputSize + Second.OutputSize;

                public static double Predict(First first, Second second)
                {
                    float[] output = new float[Second.OutputSize];
                    second.Predict(new float[Second.InputSize], output);
                    return first.Predict(new double[First.InputSize]) + output[0];
                }
            }
            """);

        Assert.Equal(new[] { "App.First.g.cs", "App.Second.g.cs" }, HintNames(run));
        GeneratorRunAssert.CompilesWithoutWarnings(run);
    }

    [Fact]
    public void TwoNetworksInOneFileReportOnlyTheirOwnProblems()
    {
        MarkedSource source = MarkedSource.Parse("""
            [DeepNet.Network(3, {|DNG002:0|}, 1)]
            public partial class Broken { }

            [DeepNet.Network(3, 2, 1)]
            public partial class Working { }

            [DeepNet.Network(3, 1, {|DNG003:Hidden = "rleu"|})]
            public partial class AlsoBroken { }
            """);
        GeneratorRun run = GeneratorHarness.Run(source.Text);

        Assert.Equal(
            source.Spans.Select(s => $"{s.Id} {s.Span}"),
            run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => $"{d.Id} {d.Location.SourceSpan}"));
        Assert.Equal(new[] { "Working.g.cs" }, HintNames(run));
        GeneratorRunAssert.CompilesWithoutWarnings(run);
    }

    [Theory]
    [InlineData("""
        namespace First { [DeepNet.Network(3, 1)] public partial class Net { } }
        namespace Second { [DeepNet.Network(5, 4, 2)] public partial class Net { } }
        """, "First.Net.g.cs", "Second.Net.g.cs")]
    [InlineData("""
        namespace App
        {
            namespace V1 { [DeepNet.Network(3, 1)] public partial class Net { } }
            namespace V2 { [DeepNet.Network(5, 4, 2)] public partial class Net { } }
        }
        """, "App.V1.Net.g.cs", "App.V2.Net.g.cs")]
    [InlineData("""
        [DeepNet.Network(3, 1)] public partial class Net { }
        namespace App { [DeepNet.Network(5, 4, 2)] public partial class Net { } }
        """, "App.Net.g.cs", "Net.g.cs")]
    [InlineData("""
        public partial class Cats { [DeepNet.Network(3, 1)] public partial class Net { } }
        public partial class Dogs { [DeepNet.Network(5, 4, 2)] public partial class Net { } }
        """, "Cats+Net.g.cs", "Dogs+Net.g.cs")]
    public void SameClassNameInTwoScopesGivesTwoNetworks(string source, string firstHintName, string secondHintName)
    {
        GeneratorRun run = GeneratorRunAssert.NoGeneratorDiagnostics(source);

        Assert.Equal(new[] { firstHintName, secondHintName }, HintNames(run));
        GeneratorRunAssert.CompilesWithoutWarnings(run);
    }

    [Fact]
    public void SameClassNameInTwoNamespacesInTwoFilesIsUsableSideBySide()
    {
        GeneratorRun run = GeneratorRunAssert.NoGeneratorDiagnostics(
            """
            namespace Cats;

            [DeepNet.Network(3, 1)]
            public partial class Net { }
            """,
            """
            namespace Dogs;

            [DeepNet.Network(5, 4, 2)]
            public partial class Net { }
            """,
            """
            public static class Use
            {
                public static int Parameters() => new Cats.Net().Parameters.Length + new Dogs.Net().Parameters.Length;
            }
            """);

        Assert.Equal(new[] { "Cats.Net.g.cs", "Dogs.Net.g.cs" }, HintNames(run));
        GeneratorRunAssert.CompilesWithoutWarnings(run);
    }

    [Fact]
    public void SameNameWithTypeParametersIsDiagnosedWithoutTouchingTheOther()
    {
        MarkedSource source = MarkedSource.Parse("""
            [DeepNet.Network(3, 1)] public partial class Net { }
            [DeepNet.Network(3, 1)] public partial class {|DNG007:Net|}<T> { }
            """);
        GeneratorRun run = GeneratorHarness.Run(source.Text);

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DNG007", diagnostic.Id);
        Assert.Equal(source.Spans.Single().Span, diagnostic.Location.SourceSpan);
        Assert.Equal(new[] { "Net.g.cs" }, HintNames(run));
        GeneratorRunAssert.CompilesWithoutWarnings(run);
    }

    /// <summary>[Network] twice on one type is the compiler's CS0579: the generator reports and emits nothing for it.</summary>
    [Theory]
    [InlineData("[DeepNet.Network(2, 1), DeepNet.Network(2, 1)] public partial class Net { }", null)]
    [InlineData("[DeepNet.Network(2, 1)]\n[DeepNet.Network(3, 1)]\npublic partial class Net { }", null)]
    [InlineData("[DeepNet.Network(2, 1)] public partial class Net { }\n[DeepNet.Network(2, 1)] public partial class Net { }", null)]
    [InlineData("namespace A { [DeepNet.Network(2, 1)] public partial class Net { } }", "namespace A { [DeepNet.Network(4, 1)] public partial class Net { } }")]
    [InlineData("[DeepNet.Network(2, 1)] public class Net { }\n[DeepNet.Network(3, 1)] public class Net { }", null)]
    public void NetworkGivenTwiceToOneTypeIsLeftToTheCompiler(string source, string? otherFile)
    {
        GeneratorRun run = otherFile is null ? GeneratorHarness.Run(source) : GeneratorHarness.Run(source, otherFile);

        Assert.Contains(run.InputCompilation.GetDiagnostics(), d => d.Id == "CS0579");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void ADuplicateAttributeOnOneTypeDoesNotStopAnother()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            [DeepNet.Network(2, 1), DeepNet.Network(2, 1)] public partial class Twice { }
            [DeepNet.Network(2, 1)] public partial class Once { }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "Once.g.cs" }, HintNames(run));
        Assert.Equal(new[] { "CS0579" }, run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id));
    }

    private static string[] HintNames(GeneratorRun run) =>
        run.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
}
