using System.Collections.Generic;
using System.Linq;

namespace DeepNet.Gen.Tests;

/// <summary>The representative networks that are snapshotted, compiled and checked for cacheability.</summary>
internal static class SnapshotCases
{
    /// <summary>The course's deep network on the 64×64×3 cat pictures.</summary>
    public const string CatClassifierName = "CatClassifier";

    public static readonly IReadOnlyList<SnapshotCase> All = new[]
    {
        new SnapshotCase(
            "TinyNet",
            """
            using DeepNet;

            [Network(5, 4, 3, 1, Hidden = "relu", Output = "sigmoid")]
            public partial class TinyNet { }
            """,
            "TinyNet.g.cs"),
        new SnapshotCase(
            "LogisticRegression",
            """
            using DeepNet;

            [Network(3, 1)]
            public partial class LogisticRegression { }
            """,
            "LogisticRegression.g.cs"),
        new SnapshotCase(
            "TanhNet",
            """
            using DeepNet;

            [Network(2, 4, 1, Hidden = "tanh")]
            public partial class TanhNet { }
            """,
            "TanhNet.g.cs"),
        new SnapshotCase(
            CatClassifierName,
            """
            using DeepNet;

            [Network(12288, 20, 7, 5, 1)]
            public partial class CatClassifier { }
            """,
            "CatClassifier.g.cs"),
        new SnapshotCase(
            "FloatMultiOutputNet",
            """
            using DeepNet;

            [Network(4, 8, 3, Hidden = "leaky_relu", Precision = "float")]
            internal sealed partial class FloatMultiOutputNet { }
            """,
            "FloatMultiOutputNet.g.cs"),
        new SnapshotCase(
            "NestedNet",
            """
            using DeepNet;

            namespace Contoso.Vision;

            public partial class Models
            {
                internal partial class Cats
                {
                    [Network(6, 3, 1, Hidden = "linear")]
                    public partial class Detector { }
                }
            }
            """,
            "Contoso.Vision.Models+Cats+Detector.g.cs"),
        new SnapshotCase(
            "SoftmaxNet",
            """
            using DeepNet;

            [Network(784, 32, 10, Hidden = "relu", Output = "softmax")]
            public partial class SoftmaxNet { }
            """,
            "SoftmaxNet.g.cs"),
        new SnapshotCase(
            "RegressionNet",
            """
            using DeepNet;

            [Network(3, 8, 2, Activations = new[] { "tanh", "linear" })]
            public partial class RegressionNet { }
            """,
            "RegressionNet.g.cs"),
        new SnapshotCase(
            "SmallSoftmaxNet",
            """
            using DeepNet;

            [Network(4, 5, 3, Hidden = "tanh", Output = "softmax")]
            public partial class SmallSoftmaxNet { }
            """,
            "SmallSoftmaxNet.g.cs"),
    };

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static SnapshotCase Get(string name) => All.Single(c => c.Name == name);
}
