using DeepNet.Gen.Tests.Infrastructure;

namespace DeepNet.Gen.Tests;

/// <summary>Valid declarations beyond the snapshots: each must generate code that compiles without a warning.</summary>
public sealed class GeneratedCodeShapesTests
{
    [Theory]
    [InlineData("record", "[DeepNet.Network(2, 3, 1)] public partial record Net;")]
    [InlineData("sealed record with members", "[DeepNet.Network(2, 3, 1)] public sealed partial record Net(string Label);")]
    [InlineData("abstract", "[DeepNet.Network(2, 3, 1)] public abstract partial class Net { }")]
    [InlineData("nested in struct", "public partial struct Outer { [DeepNet.Network(2, 1)] public partial class Net { } }")]
    [InlineData("nested in record struct", "public partial record struct Outer(int X) { [DeepNet.Network(2, 1)] public partial class Net { } }")]
    [InlineData("nested in interface", "public partial interface IOuter { [DeepNet.Network(2, 1)] public partial class Net { } }")]
    [InlineData("nested in static class", "public static partial class Outer { [DeepNet.Network(2, 1)] public partial class Net { } }")]
    [InlineData("private nested", "public partial class Outer { [DeepNet.Network(2, 1)] private partial class Net { } }")]
    [InlineData("attribute on the second part", "public partial class Net { public int Extra; }\n[DeepNet.Network(2, 1)] public partial class Net { }")]
    [InlineData("network named like a namespace", "namespace DeepNet.Models { [DeepNet.Network(2, 1)] public partial class Network { } }")]
    [InlineData("non-ASCII name", "[DeepNet.Network(2, 1)] public partial class Réseau { }")]
    [InlineData("many layers", "[DeepNet.Network(4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1)] public partial class Net { }")]
    [InlineData("wide hidden layers (pooled Predict)", "[DeepNet.Network(3, 800, 800, 2)] public partial class Net { }")]
    [InlineData("single input", "[DeepNet.Network(1, 1)] public partial class Net { }")]
    [InlineData("seventeen inputs (no per-feature constructor)", "[DeepNet.Network(17, 1)] public partial class Net { }")]
    public void GeneratedCodeCompilesWithoutWarnings(string shape, string source)
    {
        GeneratorRun run = GeneratorRunAssert.NoGeneratorDiagnostics(source);

        Assert.False(string.IsNullOrEmpty(shape));
        GeneratorRunAssert.CompilesWithoutWarnings(run);
    }
}
