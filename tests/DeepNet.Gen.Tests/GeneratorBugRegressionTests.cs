using System.Linq;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DeepNet.Gen.Tests;

/// <summary>Generator defects found while writing this suite, each pinned as the behaviour it now has.</summary>
public sealed class GeneratorBugRegressionTests
{
    // NetworkGenerator.cs emits one source per [Network] syntax node: with the attribute on two partial declarations
    // (already the compiler's CS0579), both emit "Net.g.cs" and AddSource throws, so the generator fails (CS8785).
    [Theory]
    [InlineData("[DeepNet.Network(2, 1)] public partial class Net { }\n[DeepNet.Network(2, 1)] public partial class Net { }")]
    [InlineData("[DeepNet.Network(2, 1)] public partial class Net { }\n[DeepNet.Network(4, 1)] public partial class Net { }")]
    public void AttributeOnTwoPartialDeclarationsIsLeftToTheCompiler(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Contains(run.InputCompilation.GetDiagnostics(), d => d.Id == "CS0579");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
    }

    // NetworkSpec.HintName uses the namespace's display string, which keeps '@' ("@namespace"), an invalid hint-name
    // character: AddSource throws (CS8785).
    [Fact]
    public void VerbatimNamespaceDoesNotFailTheGenerator()
    {
        GeneratorRun run = GeneratorHarness.Run("namespace @namespace { [DeepNet.Network(2, 1)] public partial class Net { } }");

        Assert.Single(run.GeneratedSources);
        GeneratorRunAssert.CompilesWithoutWarnings(run);
    }

    // The emitter writes type names unescaped ("partial class event"), so a keyword type name breaks the generated code.
    [Fact]
    public void KeywordTypeNameIsEscapedInGeneratedCode()
    {
        GeneratorRun run = GeneratorHarness.Run("[DeepNet.Network(2, 1)] public partial class @event { }");

        Assert.Empty(run.GeneratorDiagnostics);
        // The only warning allowed is the user's own CS8981 (an all-lowercase type name).
        Assert.Empty(run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS8981"));
    }

    // A network type named like a generated member ("Cache", "Forward", "W1", …) makes the generated code fail with
    // CS0542 (member named like its enclosing type); the parser should report it as DNG010 on the type name.
    [Theory]
    [InlineData("Cache")]
    [InlineData("Forward")]
    [InlineData("W1")]
    [InlineData("N0")]
    public void TypeNamedLikeAGeneratedMemberIsReported(string name)
    {
        DiagnosticAssert.Reports($$"""
            [DeepNet.Network(2, 1)]
            public partial class {|DNG010:{{name}}|} { }
            """);
    }

    // ValidateMemberNames looks at the type's own members only: an inherited member named like a generated one is
    // hidden by the generated member, and the generated code warns CS0108.
    [Fact]
    public void InheritedMemberNamedLikeAGeneratedMemberDoesNotWarnInGeneratedCode()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            public class Base { public int Forward; }

            [DeepNet.Network(2, 1)]
            public partial class Net : Base { }
            """);

        Assert.Empty(run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && run.GeneratedSources.Any(s => s.SyntaxTree == d.Location.SourceTree)));
    }

    // ParseLayerSizes stops summing once the count passes the limit, so DNG011 reports 10,000,100,000 (layer 1 only)
    // for a network of 10,000,200,001 parameters.
    [Fact]
    public void TooManyParametersReportsTheFullCount()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [{|DNG011:DeepNet.Network(100000, 100000, 1)|}]
            public partial class Net { }
            """);

        Assert.Equal("The network has 10,000,200,001 parameters; one array holds at most 2,147,483,591, so use smaller layers", message);
    }

    // ParseLayerSizes treats an argument written "layerSizes: …" as not positional, so DNG001/DNG002 fall back to the
    // whole attribute instead of the argument.
    [Fact]
    public void NamedLayerSizesArgumentIsTheDiagnosticLocation()
    {
        DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(layerSizes: {|DNG002:new[] { 2, 0 }|})]
            public partial class Net { }
            """);
    }

    // A class declaration without a name (half-typed code) still emits ".g.cs" with "partial class  : …", adding
    // syntax errors to the compiler's own CS1001.
    [Fact]
    public void UnnamedClassGeneratesNothing()
    {
        GeneratorRun run = GeneratorHarness.Run("[DeepNet.Network(2, 1)] public partial class");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
    }

    // Parse checks constructor and named arguments for errors, but a named argument that binds to no property is
    // left out of AttributeData.NamedArguments altogether: the network is generated beside the compiler's CS0246.
    [Fact]
    public void UnknownNamedArgumentIsLeftToTheCompiler()
    {
        GeneratorRun run = GeneratorHarness.Run("[DeepNet.Network(2, 1, Hiden = \"tanh\")] public partial class Net { }");

        Assert.Contains(run.InputCompilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
    }
}
