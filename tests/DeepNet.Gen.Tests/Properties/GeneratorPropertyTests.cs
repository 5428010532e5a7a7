using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using DeepNet.Gen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DeepNet.Gen.Tests.Properties;

/// <summary>
/// The generator under arbitrary, plausible user code: every case ends generated (and compiling with nothing added),
/// diagnosed with exactly the predicted DNG ids, or left to the compiler's own error — never a generator failure and
/// never a DNG diagnostic on top of an argument the compiler already rejects. See <see cref="NetworkCaseCheck"/> for the
/// property and <see cref="NetworkCaseOracle"/> for the prediction.
/// </summary>
/// <remarks>
/// The run is deterministic: the cases come one after another from <see cref="RunSeed"/>. A failure prints each
/// failing case's own seed; <c>CsCheck_Seed=&lt;seed&gt;</c> reruns that case alone. <c>DEEPNET_GENERATOR_CASES</c> runs
/// more cases than the CI's 2,000.
/// </remarks>
public sealed class GeneratorPropertyTests(ITestOutputHelper output)
{
    private const string RunSeed = "0000001dikk5";
    private const int CiCaseCount = 2000;
    private const string CaseCountVariable = "DEEPNET_GENERATOR_CASES";
    private const int FailuresShown = 3;

    [Fact]
    public void EveryCaseIsGeneratedDiagnosedOrLeftToTheCompiler()
    {
        bool single = Check.Seed is not null;
        (string Seed, NetworkCase Case)[] cases = single ? new[] { (Check.Seed!, Generate(Check.Seed!)) } : GenerateCases(RunSeed, CaseCount());

        var stopwatch = Stopwatch.StartNew();
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var reports = new CaseReport[cases.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, cases.Length, parallel, i => reports[i] = NetworkCaseCheck.Run(cases[i].Case));
        stopwatch.Stop();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        output.WriteLine(Summary(cases, reports, stopwatch.Elapsed, cpu, single));
        if (single)
            output.WriteLine(Describe(cases[0].Case, reports[0]));

        int[] failing = Enumerable.Range(0, cases.Length).Where(i => !reports[i].Passed).ToArray();
        Assert.True(failing.Length == 0, FailureMessage(cases, reports, failing));
        if (!single)
            AssertTheCasesCoverTheSpace(cases.Select(c => c.Case).ToArray(), reports);
    }

    [Fact]
    public void ACaseSeedReproducesItsCase()
    {
        foreach ((string seed, NetworkCase c) in GenerateCases(RunSeed, 50))
            Assert.Equal(NetworkCaseWriter.Write(c), NetworkCaseWriter.Write(Generate(seed)));
    }

    private static int CaseCount() =>
        int.TryParse(Environment.GetEnvironmentVariable(CaseCountVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count > CiCaseCount
            ? count
            : CiCaseCount;

    /// <summary>The first <paramref name="count"/> cases drawn from <paramref name="runSeed"/>, each with the seed that regenerates it alone.</summary>
    private static (string Seed, NetworkCase Case)[] GenerateCases(string runSeed, int count)
    {
        PCG pcg = PCG.Parse(runSeed);
        var cases = new (string, NetworkCase)[count];
        for (int i = 0; i < count; i++)
        {
            ulong state = pcg.State;
            cases[i] = (pcg.ToString(state), NetworkCaseGenerators.Case.Generate(pcg, null, out _));
        }
        return cases;
    }

    private static NetworkCase Generate(string seed) => NetworkCaseGenerators.Case.Generate(PCG.Parse(seed), null, out _);

    /// <summary>Guards against a generator change that would quietly stop exercising part of the input space.</summary>
    private static void AssertTheCasesCoverTheSpace(NetworkCase[] cases, CaseReport[] reports)
    {
        int Count(Func<int, bool> predicate) => Enumerable.Range(0, cases.Length).Count(predicate);
        void AtLeast(int minimum, string what, Func<int, bool> predicate)
        {
            int count = Count(predicate);
            Assert.True(count >= minimum, $"Only {count} of {cases.Length} cases are {what}; expected at least {minimum}.");
        }

        AtLeast(cases.Length * 20 / 100, "generated", i => reports[i].Expected.Outcome == Outcome.Generated);
        AtLeast(cases.Length * 20 / 100, "diagnosed", i => reports[i].Expected.Outcome == Outcome.Diagnosed);
        AtLeast(cases.Length * 10 / 100, "left to the compiler", i => reports[i].Expected.Outcome == Outcome.LeftToCompiler);
        for (int id = 1; id <= 15; id++)
        {
            string dng = "DNG" + id.ToString("000", CultureInfo.InvariantCulture);
            AtLeast(5, $"reporting {dng}", i => reports[i].Expected.DiagnosticIds.Contains(dng));
        }
        foreach (Defect defect in Enum.GetValues<Defect>())
            AtLeast(10, $"with the defect {defect}", i => cases[i].Defect == defect);
        foreach (TargetKind kind in Enum.GetValues<TargetKind>())
            AtLeast(10, $"on a {kind}", i => cases[i].Target.Kind == kind);
        foreach (NamespaceStyle style in Enum.GetValues<NamespaceStyle>())
            AtLeast(20, $"in a {style} namespace", i => cases[i].Namespace == style);
        foreach (var language in cases.Select(c => c.Language).Distinct())
            AtLeast(cases.Length / 8, $"in {language}", i => cases[i].Language == language);
        AtLeast(20, "split over two files", i => cases[i].OtherPart is not null);
        AtLeast(5, "generated with hundreds of layers", i => reports[i].Expected.Outcome == Outcome.Generated && cases[i].Attribute.Sizes.Values.Length > 100);
        AtLeast(10, "generated with n0 ≥ 12,288", i => reports[i].Expected.Outcome == Outcome.Generated && cases[i].Attribute.Sizes.Values[0].Value >= 12288);
    }

    private static string Summary((string Seed, NetworkCase Case)[] cases, CaseReport[] reports, TimeSpan elapsed, TimeSpan cpu, bool single)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{cases.Length:N0} case(s) from {(single ? "CsCheck_Seed" : "run seed")} {(single ? cases[0].Seed : RunSeed)} in {elapsed.TotalSeconds:F1} s " +
            $"({cpu.TotalSeconds:F1} s of CPU) on {Environment.ProcessorCount} thread(s).");
        int slowest = Enumerable.Range(0, reports.Length).MaxBy(i => reports[i].Elapsed);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Slowest case: {reports[slowest].Elapsed.TotalMilliseconds:F0} ms, {reports[slowest].Expected.Outcome} with {cases[slowest].Case.Attribute.Sizes.Values.Length} layer sizes (CsCheck_Seed={cases[slowest].Seed}); " +
            $"median {reports.Select(r => r.Elapsed.TotalMilliseconds).Order().ElementAt(reports.Length / 2):F0} ms.");
        text.AppendLine("Time per outcome (s, summed over cases): " + string.Join(", ", Enumerable.Range(0, reports.Length)
            .GroupBy(i => reports[i].Expected.Outcome + (cases[i].Case.Attribute.Sizes.Values.Length > 100 ? " (> 100 sizes)" : ""))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Count()}: {g.Sum(i => reports[i].Elapsed.TotalSeconds):F1}")));
        text.AppendLine("Outcomes: " + Tally(reports.Select(r => r.Expected.Outcome.ToString())));
        text.AppendLine("Generator diagnostics: " + Tally(reports.SelectMany(r => r.DiagnosticIds)));
        text.AppendLine("Input compiler errors (cases with each id): " + Tally(reports.SelectMany(r => r.CompilerErrorIds)));
        text.AppendLine("Cases with compiler errors: " + reports.Count(r => !r.CompilerErrorIds.IsEmpty).ToString("N0", CultureInfo.InvariantCulture));
        text.AppendLine("Defects: " + Tally(cases.Select(c => c.Case.Defect.ToString())));
        text.AppendLine("Targets: " + Tally(cases.Select(c => c.Case.Target.Kind.ToString())));
        text.AppendLine("Languages: " + Tally(cases.Select(c => c.Case.Language.ToString())));
        text.Append("Failures: " + reports.Count(r => !r.Passed).ToString("N0", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private static string Tally(IEnumerable<string> values) =>
        string.Join(", ", values.GroupBy(v => v).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count():N0}"));

    /// <summary>The smallest failing cases (by source length), each with its seed, its problems and its sources.</summary>
    private static string FailureMessage((string Seed, NetworkCase Case)[] cases, CaseReport[] reports, int[] failing)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{failing.Length} of {cases.Length} case(s) failed (run seed {RunSeed}). The smallest:");
        foreach (int i in failing.OrderBy(i => NetworkCaseWriter.Write(cases[i].Case).Sum(s => s.Length)).Take(FailuresShown))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Case {i}: rerun it alone with CsCheck_Seed={cases[i].Seed}");
            text.Append(Describe(cases[i].Case, reports[i]));
        }
        return text.ToString();
    }

    private static string Describe(NetworkCase c, CaseReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"  {c.Language}, expected {report.Expected.Outcome} [{string.Join(", ", report.Expected.DiagnosticIds)}]");
        foreach (string problem in report.Problems)
            text.AppendLine("  " + problem);
        string[] sources = NetworkCaseWriter.Write(c);
        for (int file = 0; file < sources.Length; file++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  --- {GeneratorHarness.SourcePath(file)}");
            text.AppendLine(sources[file]);
        }
        return text.ToString();
    }
}
