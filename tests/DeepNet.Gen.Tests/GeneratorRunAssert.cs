using System.Linq;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DeepNet.Gen.Tests;

/// <summary>Assertions on runs of valid networks.</summary>
internal static class GeneratorRunAssert
{
    private const int MaxListed = 20;

    /// <summary>Asserts the generator reports nothing and generates one source per network in <paramref name="sources"/>.</summary>
    public static GeneratorRun NoGeneratorDiagnostics(params string[] sources)
    {
        GeneratorRun run = GeneratorHarness.Run(sources);
        Assert.True(run.GeneratorDiagnostics.IsEmpty,
            "Expected no generator diagnostics but found:\n" + string.Join("\n", run.GeneratorDiagnostics.Select(d => d.ToString())));
        Assert.NotEmpty(run.GeneratedSources);
        return run;
    }

    /// <summary>Asserts the output compilation (user code plus generated code) has no warning and no error.</summary>
    public static void CompilesWithoutWarnings(GeneratorRun run)
    {
        Diagnostic[] problems = run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0,
            $"The output compilation has {problems.Length} warning(s) or error(s):\n" + string.Join("\n", problems.Take(MaxListed).Select(d => d.ToString())));
    }
}
