using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepNet.Gen.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="NetworkGenerator"/> over an in-memory compilation against the .NET 10 reference assemblies and the
/// DeepNet runtime, with incremental step tracking on. Every run asserts that the generator did not throw.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>Nullable on and every warning wave enabled, so that generated code is held to the strictest bar.</summary>
    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        deterministic: true);

    private static readonly ImmutableArray<MetadataReference> References = Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(NetworkAttribute).Assembly.Location))
        .ToImmutableArray();

    /// <summary>A compilation of <paramref name="sources"/>, named <c>Source0.cs</c>, <c>Source1.cs</c>, ….</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(ParseOptions, sources);

    public static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create(
            "DeepNet.Gen.TestInput",
            sources.Select((source, i) => ParseTree(source, SourcePath(i), parseOptions)),
            References,
            CompilationOptions);

    public static string SourcePath(int index) => $"Source{index}.cs";

    public static SyntaxTree ParseTree(string source, string path, CSharpParseOptions? parseOptions = null) =>
        CSharpSyntaxTree.ParseText(source, parseOptions ?? ParseOptions, path);

    public static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions) =>
        CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(CreateCompilation(sources));

    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        CSharpParseOptions parseOptions = compilation.SyntaxTrees.Select(t => (CSharpParseOptions)t.Options).FirstOrDefault() ?? ParseOptions;
        return Run(CreateDriver(parseOptions), compilation);
    }

    /// <summary>Runs <paramref name="driver"/> (fresh, or from an earlier run to exercise its cache) over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        GeneratorDriver next = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        var run = new GeneratorRun(next, compilation, output, driverDiagnostics);
        run.AssertGeneratorDidNotFail();
        return run;
    }
}
