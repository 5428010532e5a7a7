using System.Linq;
using DeepNet.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DeepNet.Gen.Tests;

/// <summary>
/// The generator never throws: unusual, invalid and half-typed code ends as a diagnostic (the generator's or the
/// compiler's), never as the compiler's "generator failed" warning (CS8784/CS8785). <see cref="GeneratorHarness"/>
/// asserts this on every run of every test; these cases aim at the corners.
/// </summary>
public sealed class GeneratorRobustnessTests
{
    [Theory]
    [InlineData("[DeepNet.Network(2, 1)] public partial struct Net { }")]
    [InlineData("[DeepNet.Network(2, 1)] public partial interface INet { }")]
    [InlineData("[DeepNet.Network(2, 1)] public enum Net { A }")]
    [InlineData("[DeepNet.Network(2, 1)] public partial class Net")]
    [InlineData("[DeepNet.Network(2, 1)] public partial class Net : MissingBase { }")]
    [InlineData("[DeepNet.Network(2, 1)] [DeepNet.Network(3, 1)] public partial class Net { }")]
    [InlineData("[DeepNet.Network(2, 1)] public partial class Net { }\n[DeepNet.Network(2, 1)] public partial class Net<T> { }")]
    [InlineData("[DeepNet.Network(int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue)] public partial class Net { }")]
    [InlineData("[DeepNet.Network(int.MinValue, -1)] public partial class Net { }")]
    [InlineData("[DeepNet.Network(new int[0])] public partial class Net { }")]
    [InlineData("[DeepNet.Network(layerSizes: new[] { 2, 1 })] public partial class Net { }")]
    [InlineData("[DeepNet.Network(2, 1, Hidden = \"\", Output = \"\", Precision = \"\")] public partial class Net { }")]
    [InlineData("[DeepNet.Network(2, 1, Hidden = null, Output = null, Precision = null)] public partial class Net { }")]
    [InlineData("[DeepNet.Network(2, 1, Bogus = 1)] public partial class Net { }")]
    [InlineData("[DeepNet.Network(2, 1)] public partial class Net { public void W1() { } public int b1; public class Cache { } }")]
    [InlineData("[DeepNet.Network(2, 1)] public partial class Cache { }")]
    [InlineData("[DeepNet.Network(2, 1)] public partial class Net { public Net(int x) { } }")]
    [InlineData("[DeepNet.Network(2, 1)] unsafe public partial class Net { }")]
    [InlineData("public partial class Outer<T> { public partial class Middle { [DeepNet.Network(2, 1)] public static partial class Net<U> { } } }")]
    [InlineData("[DeepNet.Network(")]
    [InlineData("[DeepNet.Network(2, 1, Hidden = \"relu\"")]
    [InlineData("[DeepNet.Network(2, 1)]")]
    public void TheGeneratorNeverFails(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        run.AssertGeneratorDidNotFail();
        SyntaxTree input = run.InputCompilation.SyntaxTrees.Single();
        foreach (Diagnostic diagnostic in run.GeneratorDiagnostics)
        {
            Assert.StartsWith("DNG", diagnostic.Id);
            Assert.Equal(input.FilePath, diagnostic.Location.GetLineSpan().Path);
            Assert.InRange(diagnostic.Location.SourceSpan.End, diagnostic.Location.SourceSpan.Start, input.Length);
        }
        foreach (GeneratedSourceResult generated in run.GeneratedSources)
            Assert.DoesNotContain(generated.SyntaxTree.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }
}
