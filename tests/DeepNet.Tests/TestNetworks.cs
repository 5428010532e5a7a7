using System;
using System.Linq;

namespace DeepNet.Tests;

/// <summary>Test networks by name, for theories over small (unrolled) and large (kernel) networks alike.</summary>
internal static class TestNetworks
{
    /// <summary>float64 networks small enough to be unrolled, covering every hidden and output activation.</summary>
    public static readonly string[] Unrolled =
    [
        nameof(TinyNet), nameof(TwoLayerNet), nameof(LogisticNet), nameof(TanhNet), nameof(LeakyReluNet),
        nameof(LinearHiddenNet), nameof(SigmoidHiddenNet), nameof(DeepReluNet), nameof(SoftmaxNet),
        nameof(RegressionNet), nameof(MultiLabelNet), nameof(PerLayerNet),
    ];

    /// <summary>float32 networks small enough to be unrolled.</summary>
    public static readonly string[] UnrolledFloat = [nameof(SmallFloatNet), nameof(SmallFloatSoftmaxNet)];

    /// <summary>Networks too large to unroll: one kernel call per layer and operation.</summary>
    public static readonly string[] ByLayers = [nameof(WideNet), nameof(DeepTanhNet), nameof(WideReluNet)];

    public static INetwork<double> Create(string name) => name switch
    {
        nameof(TinyNet) => new TinyNet(),
        nameof(TwoLayerNet) => new TwoLayerNet(),
        nameof(LogisticNet) => new LogisticNet(),
        nameof(TanhNet) => new TanhNet(),
        nameof(LeakyReluNet) => new LeakyReluNet(),
        nameof(LinearHiddenNet) => new LinearHiddenNet(),
        nameof(SigmoidHiddenNet) => new SigmoidHiddenNet(),
        nameof(DeepReluNet) => new DeepReluNet(),
        nameof(SoftmaxNet) => new SoftmaxNet(),
        nameof(RegressionNet) => new RegressionNet(),
        nameof(MultiLabelNet) => new MultiLabelNet(),
        nameof(PerLayerNet) => new PerLayerNet(),
        nameof(WideNet) => new WideNet(),
        nameof(DeepTanhNet) => new DeepTanhNet(),
        nameof(WideReluNet) => new WideReluNet(),
        _ => throw new ArgumentException($"No float64 test network named {name}.", nameof(name)),
    };

    public static INetwork<float> CreateFloat(string name) => name switch
    {
        nameof(SmallFloatNet) => new SmallFloatNet(),
        nameof(SmallFloatSoftmaxNet) => new SmallFloatSoftmaxNet(),
        nameof(ServingFloatNet) => new ServingFloatNet(),
        _ => throw new ArgumentException($"No float32 test network named {name}.", nameof(name)),
    };

    public static float[] ToSingle(double[] values) => values.Select(v => (float)v).ToArray();
}
