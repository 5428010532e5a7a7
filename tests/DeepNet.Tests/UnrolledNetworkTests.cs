using System;
using System.Numerics;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DeepNet.Tests;

/// <summary>
/// Small networks are generated as unrolled code, one example at a time; with dropout on they run layer by layer
/// through the kernels. A keep probability of 1 keeps every unit (A · 1/1 is exact), so the two paths must compute
/// the lecture's numbers alike. (Which networks are unrolled is pinned by the generator's snapshot and unrolling tests.)
/// </summary>
public sealed class UnrolledNetworkTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> DoubleCases()
    {
        var cases = new TheoryData<string, int>();
        foreach (string name in TestNetworks.Unrolled)
        {
            cases.Add(name, 1);
            cases.Add(name, 5);
        }
        return cases;
    }

    public static TheoryData<string, int> FloatCases()
    {
        var cases = new TheoryData<string, int>();
        foreach (string name in TestNetworks.UnrolledFloat)
        {
            cases.Add(name, 1);
            cases.Add(name, 5);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void UnrolledAndLayerByLayerPathsAgree(string name, int m)
    {
        INetwork<double> net = TestNetworks.Create(name);
        var batch = new RandomBatch(net.Architecture, m, seed: 8);
        double difference = CompareThePaths(net, batch.X, batch.Y, m);
        output.WriteLine($"{name} ({net.Architecture}), m = {m}: largest relative difference {difference:E2}");
        Assert.True(difference <= 1e-13, $"{name}: the unrolled and layer-by-layer paths differ by {difference:E2} (relative).");
    }

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void UnrolledAndLayerByLayerPathsAgreeInFloat32(string name, int m)
    {
        INetwork<float> net = TestNetworks.CreateFloat(name);
        var batch = new RandomBatch(net.Architecture, m, seed: 8);
        double difference = CompareThePaths(net, TestNetworks.ToSingle(batch.X), TestNetworks.ToSingle(batch.Y), m);
        output.WriteLine($"{name} ({net.Architecture}), m = {m}: largest relative difference {difference:E2}");
        // float32 has about 7 digits; sums taken in another order differ in the last few.
        Assert.True(difference <= 1e-5, $"{name}: the unrolled and layer-by-layer paths differ by {difference:E2} (relative).");
    }

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void UnrolledPredictIsForwardOnOneColumn(string name, int m)
    {
        INetwork<double> net = TestNetworks.Create(name);
        net.InitializeParameters(seed: 9);
        var batch = new RandomBatch(net.Architecture, m, seed: 10);
        NetworkCache<double> cache = net.CreateCache(1);
        int n0 = net.Architecture.InputSize, nL = net.Architecture.OutputSize;
        var x = new double[n0];
        var predicted = new double[nL];
        for (int j = 0; j < m; j++)
        {
            for (int k = 0; k < n0; k++)
                x[k] = batch.X[k * m + j];
            net.Forward(x, cache);
            net.Predict(x, predicted);
            NumericAssert.Identical(cache.Output, predicted, $"{name} Predict, example {j}");
        }
    }

    [Theory]
    [InlineData(nameof(TinyNet))]
    [InlineData(nameof(SoftmaxNet))]
    [InlineData(nameof(TanhNet))]
    public void AboveTheUnrolledBatchTheLayerByLayerPathRuns(string name)
    {
        // No network unrolls batches of more than 64 examples.
        INetwork<double> net = TestNetworks.Create(name);
        var batch = new RandomBatch(net.Architecture, m: 65, seed: 11);
        Assert.Equal(0.0, CompareThePaths(net, batch.X, batch.Y, 65));
    }

    /// <summary>Forward, cost and Backward down both paths; the largest difference relative to each matrix's largest value.</summary>
    private static double CompareThePaths<T>(INetwork<T> net, T[] X, T[] Y, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        net.InitializeParameters(seed: 7);
        // Biases are zero after initialisation: give them values so that they are tested too.
        NetworkArchitecture architecture = net.Architecture;
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            Span<T> biases = net.Parameters.Slice(architecture.BiasOffset(l), architecture.LayerSize(l));
            for (int i = 0; i < biases.Length; i++)
                biases[i] = T.CreateTruncating(0.1 * (i + 1) - 0.25);
        }

        NetworkCache<T> unrolled = net.CreateCache(m), byLayers = net.CreateCache(m);
        byLayers.EnableDropout(keepProbability: 1.0, seed: 1);
        NetworkGradients<T> unrolledGradients = net.CreateGradients(), byLayersGradients = net.CreateGradients();

        net.Forward(X, unrolled);
        net.Forward(X, byLayers);
        double worst = Relative([double.CreateTruncating(net.ComputeCost(byLayers, Y))], [double.CreateTruncating(net.ComputeCost(unrolled, Y))], "cost");
        net.Backward(X, Y, unrolled, unrolledGradients);
        net.Backward(X, Y, byLayers, byLayersGradients);

        bool softmaxOutput = architecture.ActivationOf(architecture.LayerCount) == Activation.Softmax;
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            worst = Math.Max(worst, Relative(byLayers.Z(l), unrolled.Z(l), $"Z{l}"));
            worst = Math.Max(worst, Relative(byLayers.A(l), unrolled.A(l), $"A{l}"));
            worst = Math.Max(worst, Relative(byLayers.dZ(l), unrolled.dZ(l), $"dZ{l}"));
            if (l < architecture.LayerCount || !softmaxOutput)
                worst = Math.Max(worst, Relative(byLayers.dA(l), unrolled.dA(l), $"dA{l}"));
            worst = Math.Max(worst, Relative(byLayersGradients.dW(l), unrolledGradients.dW(l), $"dW{l}"));
            worst = Math.Max(worst, Relative(byLayersGradients.db(l), unrolledGradients.db(l), $"db{l}"));
        }
        return worst;
    }

    private static double Relative<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (expected.Length != actual.Length)
            throw new XunitException($"{what}: {expected.Length} values against {actual.Length}.");
        double scale = 0, difference = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateTruncating(expected[i]), a = double.CreateTruncating(actual[i]);
            if (!double.IsFinite(e) || !double.IsFinite(a))
                throw new XunitException($"{what}[{i}]: {e:R} against {a:R}.");
            scale = Math.Max(scale, Math.Abs(e));
            difference = Math.Max(difference, Math.Abs(e - a));
        }
        return scale == 0 ? difference : difference / scale;
    }
}
