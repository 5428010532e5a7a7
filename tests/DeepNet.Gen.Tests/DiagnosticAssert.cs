using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepNet.Gen.Tests;

/// <summary>Runs the generator over marked sources and asserts it reports exactly the marked diagnostics, where they are marked.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// Asserts that the generator reports one diagnostic per <c>{|ID:…|}</c> marker, with that id, as an error, on
    /// exactly that span of that file, and generates nothing. Returns the diagnostics in source order.
    /// </summary>
    public static ImmutableArray<Diagnostic> Reports(params string[] markedSources)
    {
        MarkedSource[] sources = markedSources.Select(MarkedSource.Parse).ToArray();
        GeneratorRun run = GeneratorHarness.Run(sources.Select(s => s.Text).ToArray());

        string[] expected = sources
            .SelectMany((source, file) => source.Spans.Select(span => Describe(span.Id, GeneratorHarness.SourcePath(file), span.Span, source.Text)))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToArray();
        string[] actual = run.GeneratorDiagnostics
            .Select(d => Describe(d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan, SourceOf(sources, d)))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, actual);

        foreach (Diagnostic diagnostic in run.GeneratorDiagnostics)
        {
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
            SyntaxTree tree = run.InputCompilation.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
            Assert.Equal(tree.GetLineSpan(diagnostic.Location.SourceSpan).Span, diagnostic.Location.GetLineSpan().Span);
            Assert.StartsWith("https://", diagnostic.Descriptor.HelpLinkUri);
        }
        Assert.Empty(run.GeneratedSources);

        return run.GeneratorDiagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>Asserts a single marked diagnostic and returns its message.</summary>
    public static string ReportsOne(string markedSource) =>
        Assert.Single(Reports(markedSource)).GetMessage(CultureInfo.InvariantCulture);

    private static string SourceOf(MarkedSource[] sources, Diagnostic diagnostic)
    {
        string path = diagnostic.Location.GetLineSpan().Path;
        for (int i = 0; i < sources.Length; i++)
        {
            if (GeneratorHarness.SourcePath(i) == path)
                return sources[i].Text;
        }
        return "";
    }

    private static string Describe(string? id, string path, TextSpan span, string text)
    {
        string covered = span.End <= text.Length ? text.Substring(span.Start, span.Length) : "(outside the file)";
        return $"{id} at {path}{span}: '{covered}'";
    }
}
