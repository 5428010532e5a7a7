using System.Linq;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DeepNet.Gen.Tests;

/// <summary>
/// The rule for half-typed or wrong attributes: when the compiler rejects an argument of [Network] (it does not bind,
/// is given twice, is cut off mid-string or lacks its comma), the compiler's error is the whole story — the generator
/// reports nothing and emits nothing, rather than guessing from what it could read. A missing ')' or ']' after
/// complete arguments rejects no argument: the generator reads the attribute as written (see
/// <see cref="Properties.NetworkCaseCheck"/>, which checks both halves of the rule on thousands of cases).
/// </summary>
public sealed class RejectedArgumentTests
{
    [Theory]
    // A named argument given twice (CS0643), with values the generator would otherwise report (DNG002, DNG003) or accept.
    [InlineData("[DeepNet.Network(3, 0, 1, Hidden = \"tanh\", Hidden = \"tanh\")]", "CS0643")]
    [InlineData("[DeepNet.Network(3, 2, 1, Precision = \"half\", Precision = \"half\")]", "CS0643")]
    [InlineData("[DeepNet.Network(3, 2, 1, Output = \"sigmoid\", Output = \"sigmoid\")]", "CS0643")]
    // Two named arguments without the comma between them (CS1003).
    [InlineData("[DeepNet.Network(3, -1, 1, Precision = \"float\" Output = \"sigmoid\")]", "CS1003")]
    [InlineData("[DeepNet.Network(3, 2, 1, Hidden = \"tanh\" Output = \"sigmoid\")]", "CS1003")]
    // A string still being typed (CS1010): the generator would report 'ta' as an unknown activation.
    [InlineData("[DeepNet.Network(3, 2, 1, Hidden = \"ta\n", "CS1010")]
    [InlineData("[DeepNet.Network(3, 2, 1, Precision = \"flo\n", "CS1010")]
    // Arguments that do not bind at all (already left to the compiler).
    [InlineData("[DeepNet.Network(3, 2, 1, Hiden = \"tanh\")]", "CS0246")]
    [InlineData("[DeepNet.Network(3, 2, 1, Hidden = 3)]", "CS0029")]
    [InlineData("[DeepNet.Network(3, , 1)]", "CS1525")]
    public void RejectedArgumentLeavesTheAttributeToTheCompiler(string attribute, string compilerError)
    {
        GeneratorRun run = GeneratorHarness.Run(attribute + "\npublic partial class Net { }");

        Assert.Contains(run.InputCompilation.GetDiagnostics(), d => d.Id == compilerError && d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("[DeepNet.Network(3, 2, 1, Hidden = \"tanh\"]", "CS1026")]
    [InlineData("[DeepNet.Network(3, 2, 1, Hidden = \"tanh\")\n", "CS1003")]
    [InlineData("[DeepNet.Network(3, 2, 1, Hidden = \"tanh\"\n", "CS1026")]
    public void MissingClosingTokensAfterCompleteArgumentsStillGenerate(string attribute, string compilerError)
    {
        GeneratorRun run = GeneratorHarness.Run(attribute + "\npublic partial class Net { }");

        Assert.Contains(run.InputCompilation.GetDiagnostics(), d => d.Id == compilerError);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("[Network(3, 2, 1, Hidden = \"tanh\", Output = \"sigmoid\")]", run.SingleSource());
        string[] inputErrors = run.InputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        string[] outputErrors = run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToArray();
        Assert.Equal(inputErrors, outputErrors);
    }

    [Fact]
    public void MissingClosingTokensStillReportTheArgumentsProblems()
    {
        GeneratorRun run = GeneratorHarness.Run("[DeepNet.Network(3, 0, 1]\npublic partial class Net { }");

        Assert.Equal("DNG002", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.GeneratedSources);
    }
}
