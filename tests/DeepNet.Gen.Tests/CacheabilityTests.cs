using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeepNet.Gen.Model;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DeepNet.Gen.Tests;

/// <summary>
/// The pipeline caches: an edit that does not change a network leaves every named step and every output Cached or
/// Unchanged, an edit that does change it is seen, and the cached model holds no compilation state.
/// </summary>
public sealed class CacheabilityTests
{
    private const string NetworkFile = """
        using DeepNet;

        // The course's small deep network.
        [Network(5, 4, 3, 1)]
        public partial class TinyNet
        {
            // Layer sizes follow the lecture.
        }
        """;

    private const string BrokenNetworkFile = """
        [DeepNet.Network(2, 1, Hidden = "swish")]
        public partial class BrokenNet { }
        """;

    private const string UnrelatedFile = """
        public static class Helpers
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    private static readonly string[] TrackedSteps = { TrackingNames.ParseResults, TrackingNames.Diagnostics, TrackingNames.Specs };

    private static readonly string NetworkPath = GeneratorHarness.SourcePath(0);
    private static readonly string BrokenNetworkPath = GeneratorHarness.SourcePath(1);
    private static readonly string UnrelatedPath = GeneratorHarness.SourcePath(2);

    [Fact]
    public void AddingAnUnrelatedFileLeavesEveryStepCached()
    {
        GeneratorRun first = RunValidAndBroken();

        GeneratorRun second = GeneratorHarness.Run(first.Driver,
            first.InputCompilation.AddSyntaxTrees(GeneratorHarness.ParseTree("public sealed class Other { }", "Other.cs")));

        AssertNothingRecomputed(second, TrackedSteps);
    }

    [Fact]
    public void EditingAMethodBodyInAnUnrelatedFileLeavesEveryStepCached()
    {
        GeneratorRun first = RunValidAndBroken();

        GeneratorRun second = GeneratorHarness.Run(first.Driver, Edit(first.InputCompilation, UnrelatedPath, "x * 2", "x + x"));

        AssertNothingRecomputed(second, TrackedSteps);
    }

    [Fact]
    public void EditingACommentInTheNetworkFileLeavesEveryStepCached()
    {
        GeneratorRun first = RunValidAndBroken();

        Compilation edited = Edit(first.InputCompilation, NetworkPath, "small deep network.", "small deep network, trained on four examples.");
        edited = Edit(edited, NetworkPath, "// Layer sizes follow", "// Layer sizes n0 … nL follow");
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        AssertNothingRecomputed(second, TrackedSteps);
        Assert.Equal(first.SourceFor("TinyNet.g.cs"), second.SourceFor("TinyNet.g.cs"));
    }

    [Theory]
    [MemberData(nameof(SnapshotCases.Names), MemberType = typeof(SnapshotCases))]
    public void EverySnapshotNetworkCachesAcrossAnUnrelatedEdit(string name)
    {
        GeneratorRun first = GeneratorHarness.Run(SnapshotCases.Get(name).Source, UnrelatedFile);

        GeneratorRun second = GeneratorHarness.Run(first.Driver, Edit(first.InputCompilation, GeneratorHarness.SourcePath(1), "x * 2", "2 * x"));

        AssertNothingRecomputed(second, TrackingNames.ParseResults, TrackingNames.Specs);
    }

    [Fact]
    public void ChangingALayerSizeRecomputesTheSpecAndTheSource()
    {
        GeneratorRun first = RunValidAndBroken();

        GeneratorRun second = GeneratorHarness.Run(first.Driver, Edit(first.InputCompilation, NetworkPath, "[Network(5, 4, 3, 1)]", "[Network(5, 6, 3, 1)]"));

        Assert.Contains(Outputs(second, TrackingNames.Specs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(SourceOutputs(second), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("public const int N1 = 6;", second.SourceFor("TinyNet.g.cs"));
    }

    [Fact]
    public void MovingABrokenNetworkMovesItsDiagnostic()
    {
        GeneratorRun first = RunValidAndBroken();

        GeneratorRun second = GeneratorHarness.Run(first.Driver, Edit(first.InputCompilation, BrokenNetworkPath, "[DeepNet", "\n[DeepNet"));

        Assert.Contains(Outputs(second, TrackingNames.Diagnostics), output => output.Reason == IncrementalStepRunReason.Modified);
        Diagnostic moved = Assert.Single(second.GeneratorDiagnostics);
        Assert.Equal(Assert.Single(first.GeneratorDiagnostics).Location.GetLineSpan().StartLinePosition.Line + 1,
            moved.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void AddingAClashingMemberInAnotherFileIsSeen()
    {
        GeneratorRun first = RunValidAndBroken();

        GeneratorRun second = GeneratorHarness.Run(first.Driver,
            first.InputCompilation.AddSyntaxTrees(GeneratorHarness.ParseTree("public partial class TinyNet { public int W2; }", "TinyNet.More.cs")));

        Assert.Contains(second.GeneratorDiagnostics, d => d.Id == "DNG010" && d.Location.GetLineSpan().Path == "TinyNet.More.cs");
        Assert.DoesNotContain(second.GeneratedSources, s => s.HintName == "TinyNet.g.cs");
    }

    [Fact]
    public void ParseResultsHoldNoCompilationState()
    {
        GeneratorRun run = GeneratorHarness.Run(
            NetworkFile,
            BrokenNetworkFile,
            """
            namespace Contoso
            {
                public partial class Outer
                {
                    [DeepNet.Network(3, 2, 1, Precision = "float")]
                    public partial class Nested { public int W1; }

                    [DeepNet.Network(3, 2, 1)]
                    internal partial class Valid { }
                }
            }
            """);

        var walker = new ModelReferenceWalker();
        object?[] results = Outputs(run, TrackingNames.ParseResults).Select(o => o.Value).ToArray();
        for (int i = 0; i < results.Length; i++)
            walker.Walk(results[i], $"{TrackingNames.ParseResults}[{i}]");

        Assert.Equal(4, results.Length);
        Assert.All(results, r => Assert.IsType<ParseResult>(r));
        Assert.True(walker.Forbidden.Count == 0, "The parse results reference compilation state:\n" + string.Join("\n", walker.Forbidden));
        Assert.Contains(typeof(NetworkSpec), walker.VisitedTypes);
        Assert.Contains(typeof(ContainingTypeSpec), walker.VisitedTypes);
        Assert.Contains(typeof(DiagnosticInfo), walker.VisitedTypes);
        Assert.Contains(typeof(LocationInfo), walker.VisitedTypes);
    }

    [Fact]
    public void TheModelWalkerFindsCompilationState()
    {
        SyntaxTree tree = GeneratorHarness.ParseTree("class C { }", "C.cs");
        var walker = new ModelReferenceWalker();

        walker.Walk(new { Spans = new object[] { 1, "text", Tuple.Create(tree.GetRoot().GetLocation()) }, Token = tree.GetRoot().GetFirstToken() }, "model");

        Assert.Equal(2, walker.Forbidden.Count);
        Assert.Contains(walker.Forbidden, f => f.StartsWith("model.<Spans>i__Field[2].m_Item1: ", StringComparison.Ordinal));
        Assert.Contains(walker.Forbidden, f => f.StartsWith("model.<Token>i__Field.", StringComparison.Ordinal));
    }

    private static GeneratorRun RunValidAndBroken()
    {
        GeneratorRun run = GeneratorHarness.Run(NetworkFile, BrokenNetworkFile, UnrelatedFile);
        Assert.Equal("DNG003", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Equal("TinyNet.g.cs", Assert.Single(run.GeneratedSources).HintName);
        return run;
    }

    /// <summary>Replaces the first <paramref name="oldText"/> with <paramref name="newText"/> in the file at <paramref name="path"/>.</summary>
    private static Compilation Edit(Compilation compilation, string path, string oldText, string newText)
    {
        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        int start = tree.ToString().IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{oldText}' is not in {path}.");
        SyntaxTree edited = tree.WithChangedText(tree.GetText().Replace(start, oldText.Length, newText));
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    private static ImmutableArray<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRun run, string step)
    {
        Assert.True(run.Result.TrackedSteps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> runs), $"The step '{step}' was not tracked.");
        return runs.SelectMany(r => r.Outputs).ToImmutableArray();
    }

    private static ImmutableArray<(object Value, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorRun run) =>
        run.Result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(r => r.Outputs).ToImmutableArray();

    /// <summary>Asserts every output of the named steps and of the source outputs was reused; each step in <paramref name="steps"/> must have outputs.</summary>
    private static void AssertNothingRecomputed(GeneratorRun run, params string[] steps)
    {
        foreach (string step in steps)
        {
            ImmutableArray<(object Value, IncrementalStepRunReason Reason)> outputs = Outputs(run, step);
            Assert.True(outputs.Length > 0, $"The step '{step}' has no outputs, so its caching is not tested.");
            AssertReused(step, outputs);
        }
        ImmutableArray<(object Value, IncrementalStepRunReason Reason)> sourceOutputs = SourceOutputs(run);
        Assert.True(sourceOutputs.Length > 0, "No source output was tracked.");
        AssertReused("source output", sourceOutputs);
    }

    private static void AssertReused(string step, IEnumerable<(object Value, IncrementalStepRunReason Reason)> outputs)
    {
        foreach ((object value, IncrementalStepRunReason reason) in outputs)
        {
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"'{step}' recomputed an output ({reason}): {value}");
        }
    }
}
