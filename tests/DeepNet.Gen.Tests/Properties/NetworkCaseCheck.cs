using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepNet.Gen.Tests.Properties;

/// <summary>What one case produced, and every way it differed from its <see cref="Expectation"/> (none when it passed).</summary>
internal sealed record CaseReport(
    Expectation Expected,
    ImmutableArray<string> DiagnosticIds,
    ImmutableArray<string> CompilerErrorIds,
    ImmutableArray<string> Problems,
    TimeSpan Elapsed)
{
    public bool Passed => Problems.IsEmpty;
}

/// <summary>
/// Runs the generator over one <see cref="NetworkCase"/> and checks the property:
/// <list type="bullet">
/// <item>the generator never fails (no exception, no CS8784/CS8785);</item>
/// <item>the input has the compiler errors the case was built to have, and no other;</item>
/// <item><see cref="Outcome.Generated"/>: no generator diagnostic, one source with the predicted name and header, and the
/// output compilation has no warning or error the input did not already have;</item>
/// <item><see cref="Outcome.Diagnosed"/>: exactly the predicted DNG ids, each an error inside the user's code, and nothing generated;</item>
/// <item><see cref="Outcome.LeftToCompiler"/>: when the compiler reports an argument of [Network] or its target, no
/// DNG diagnostic and nothing generated;</item>
/// <item>a compiler error away from the arguments (a missing <c>)</c>, <c>]</c> or <c>}</c>, an unrelated error) changes
/// nothing: the generator reports and emits exactly what it does for the same code without that error.</item>
/// </list>
/// </summary>
internal static class NetworkCaseCheck
{
    private static readonly ImmutableHashSet<Defect> IndependentDefects = ImmutableHashSet.Create(
        Defect.UnrelatedError, Defect.MissingClosingBrace, Defect.MissingClosingParen, Defect.MissingClosingBracket, Defect.MissingParenAndBracket);

    public static CaseReport Run(NetworkCase c)
    {
        var started = DateTime.UtcNow;
        Expectation expected = NetworkCaseOracle.Predict(c);
        var problems = new List<string>();
        ImmutableArray<string> ids = ImmutableArray<string>.Empty;
        ImmutableArray<string> errorIds = ImmutableArray<string>.Empty;
        try
        {
            GeneratorRun run = RunGenerator(c);
            ids = run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();
            ImmutableArray<Diagnostic> inputDiagnostics = run.InputCompilation.GetDiagnostics();
            errorIds = inputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id)
                .Distinct().OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();

            Check(problems, run, inputDiagnostics, expected, c);
            if (IndependentDefects.Contains(c.Defect))
                CheckSameAsWithoutDefect(problems, run, c);
        }
        catch (Exception e)
        {
            problems.Add("Running the case threw: " + e);
        }
        return new CaseReport(expected, ids, errorIds, problems.ToImmutableArray(), DateTime.UtcNow - started);
    }

    /// <summary>An empty compilation: cases derived from it share its referenced assemblies instead of loading them again.</summary>
    private static readonly CSharpCompilation Empty = GeneratorHarness.CreateCompilation();

    private static GeneratorRun RunGenerator(NetworkCase c)
    {
        CSharpParseOptions parseOptions = CSharpParseOptions.Default.WithLanguageVersion(c.Language);
        IEnumerable<SyntaxTree> trees = NetworkCaseWriter.Write(c)
            .Select((source, i) => GeneratorHarness.ParseTree(source, GeneratorHarness.SourcePath(i), parseOptions));
        return GeneratorHarness.Run(Empty.AddSyntaxTrees(trees));
    }

    private static void Check(List<string> problems, GeneratorRun run, ImmutableArray<Diagnostic> inputDiagnostics, Expectation expected, NetworkCase c)
    {
        string[] errorIds = inputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id)
            .Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();
        if (expected.CompilerErrorIds.Except(errorIds).Any() || errorIds.Except(expected.CompilerErrorIds).Except(expected.OptionalCompilerErrorIds).Any())
        {
            problems.Add($"The input's compiler errors are [{string.Join(", ", errorIds)}] but the case was built to have [{string.Join(", ", expected.CompilerErrorIds)}]" +
                         $" (and perhaps [{string.Join(", ", expected.OptionalCompilerErrorIds)}]): " +
                         string.Join("; ", inputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        foreach (Diagnostic diagnostic in run.GeneratorDiagnostics)
        {
            // The generator rebuilds locations from plain data (path and span), so match the tree by its path.
            string path = diagnostic.Location.GetLineSpan().Path;
            SyntaxTree? tree = run.InputCompilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == path);
            if (!diagnostic.Id.StartsWith("DNG", StringComparison.Ordinal) || diagnostic.Severity != DiagnosticSeverity.Error
                || tree is null || diagnostic.Location.SourceSpan.End > tree.Length)
                problems.Add($"Generator diagnostic is not a DNG error inside the user's code: {diagnostic}");
        }

        string[] ids = run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray();
        if (!ids.SequenceEqual(expected.DiagnosticIds))
        {
            problems.Add($"Expected {expected.Outcome} with diagnostics [{string.Join(", ", expected.DiagnosticIds)}] but the generator reported [{string.Join(", ", ids)}]: " +
                         string.Join("; ", run.GeneratorDiagnostics));
        }

        var expectedNames = new List<string>();
        if (expected.Outcome == Outcome.Generated)
            expectedNames.Add(expected.HintName!);
        if (c.Sibling)
            expectedNames.Add(SiblingHintName(c));
        string[] names = run.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        if (!names.SequenceEqual(expectedNames.OrderBy(n => n, StringComparer.Ordinal)))
            problems.Add($"Expected {expected.Outcome} with sources [{string.Join(", ", expectedNames)}] but the generator emitted [{string.Join(", ", names)}].");

        if (expected.Outcome == Outcome.Generated)
        {
            Microsoft.CodeAnalysis.Text.SourceText? source = run.GeneratedSources.Where(s => s.HintName == expected.HintName).Select(s => s.SourceText).FirstOrDefault();
            string? header = source?.Lines.Count > 1 ? source.Lines[1].ToString() : null;
            if (source is not null && header != expected.Header)
                problems.Add($"Expected the header\n    {expected.Header}\nbut the generated source has\n    {header}");
        }
        if (!run.GeneratedSources.IsEmpty)
            CheckGeneratedCodeAddsNothing(problems, run, inputDiagnostics);
    }

    /// <summary>The output compilation may keep the input's own warnings and errors, but must not add any.</summary>
    private static void CheckGeneratedCodeAddsNothing(List<string> problems, GeneratorRun run, ImmutableArray<Diagnostic> inputDiagnostics)
    {
        var remaining = inputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(Key).ToList();
        var added = new List<string>();
        foreach (Diagnostic diagnostic in run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            if (!remaining.Remove(Key(diagnostic)))
                added.Add(diagnostic.ToString());
        }
        if (added.Count > 0)
            problems.Add($"The generated code adds {added.Count} warning(s) or error(s):\n    " + string.Join("\n    ", added.Take(10)));
    }

    private static void CheckSameAsWithoutDefect(List<string> problems, GeneratorRun run, NetworkCase c)
    {
        GeneratorRun fixedRun = RunGenerator(c with { Defect = Defect.None });
        string[] diagnostics = Describe(run.GeneratorDiagnostics);
        string[] fixedDiagnostics = Describe(fixedRun.GeneratorDiagnostics);
        if (!diagnostics.SequenceEqual(fixedDiagnostics))
        {
            problems.Add($"With the independent defect {c.Defect} the generator reports [{string.Join("; ", diagnostics)}] " +
                         $"but without it [{string.Join("; ", fixedDiagnostics)}].");
        }
        string[] sources = run.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        string[] fixedSources = fixedRun.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        if (!sources.SequenceEqual(fixedSources))
            problems.Add($"With the independent defect {c.Defect} the generator emits other sources than without it.");
    }

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} in {d.Location.GetLineSpan().Path}: {d.GetMessage(CultureInfo.InvariantCulture)}")
            .OrderBy(d => d, StringComparer.Ordinal).ToArray();

    private static string Key(Diagnostic d) =>
        $"{d.Id} {d.Location.GetLineSpan().Path} {d.Location.SourceSpan} {d.GetMessage(CultureInfo.InvariantCulture)}";

    private static string SiblingHintName(NetworkCase c)
    {
        string ns = NetworkCaseWriter.NamespaceName(c.Namespace);
        return (ns.Length > 0 ? ns + "." : "") + NetworkCaseWriter.SiblingName + ".g.cs";
    }
}
