using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DeepNet.Gen.Tests.Infrastructure;

/// <summary>The outcome of one generator run: what it generated and reported, and the compilation with its output added.</summary>
internal sealed class GeneratorRun
{
    /// <summary>Ids the compiler uses when a generator throws while initialising (CS8784) or generating (CS8785).</summary>
    private static readonly ImmutableArray<string> GeneratorFailureIds = ImmutableArray.Create("CS8784", "CS8785");

    public GeneratorRun(GeneratorDriver driver, Compilation inputCompilation, Compilation outputCompilation, ImmutableArray<Diagnostic> driverDiagnostics)
    {
        Driver = driver;
        InputCompilation = inputCompilation;
        OutputCompilation = outputCompilation;
        DriverDiagnostics = driverDiagnostics;
        Result = driver.GetRunResult().Results.Single();
    }

    /// <summary>The driver after this run; run it again to exercise the incremental cache.</summary>
    public GeneratorDriver Driver { get; }

    public Compilation InputCompilation { get; }

    /// <summary>The input compilation plus every generated source.</summary>
    public Compilation OutputCompilation { get; }

    /// <summary>Everything the driver reported, including the compiler's own "generator failed" diagnostics.</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    public GeneratorRunResult Result { get; }

    public ImmutableArray<GeneratedSourceResult> GeneratedSources => Result.GeneratedSources;

    /// <summary>The diagnostics the generator reported itself.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>Every diagnostic of the output compilation (parse, declaration and binding), generated code included.</summary>
    public ImmutableArray<Diagnostic> OutputDiagnostics => OutputCompilation.GetDiagnostics();

    /// <summary>The one generated source, failing when there is not exactly one.</summary>
    public string SingleSource()
    {
        Assert.True(GeneratedSources.Length == 1,
            $"Expected one generated source but found {GeneratedSources.Length}: {string.Join(", ", GeneratedSources.Select(s => s.HintName))}.");
        return GeneratedSources[0].SourceText.ToString();
    }

    /// <summary>The text generated under <paramref name="hintName"/>, failing when there is none.</summary>
    public string SourceFor(string hintName)
    {
        GeneratedSourceResult[] matches = GeneratedSources.Where(s => s.HintName == hintName).ToArray();
        Assert.True(matches.Length == 1,
            $"Expected a generated source named '{hintName}' but found: {string.Join(", ", GeneratedSources.Select(s => s.HintName))}.");
        return matches[0].SourceText.ToString();
    }

    public void AssertGeneratorDidNotFail()
    {
        Assert.True(Result.Exception is null, $"The generator threw: {Result.Exception}");
        Diagnostic[] failures = DriverDiagnostics.Where(d => GeneratorFailureIds.Contains(d.Id)).ToArray();
        Assert.True(failures.Length == 0, "The generator failed: " + string.Join("; ", failures.Select(d => d.ToString())));
    }
}
