using System;
using Xunit.Abstractions;

namespace DeepNet.Tests;

/// <summary>Softmax, linear and multi-label outputs, and per-layer activations: costs by their formulas, gradients by the course's check.</summary>
public sealed class OutputLayerTests(ITestOutputHelper output)
{
    private const double GradientCheckLimit = 2e-7;

    [Fact]
    public void SoftmaxColumnsAreProbabilitiesAndTheCostIsCrossEntropy()
    {
        var net = new SoftmaxNet();
        net.InitializeParameters(seed: 2);
        (double[] X, double[] Y) = OneHotBatch(net.Architecture, m: 6, seed: 5);
        var cache = new SoftmaxNet.Cache(6);

        net.Forward(X, cache);
        double cost = net.ComputeCost(cache, Y);

        double expected = 0;
        for (int j = 0; j < 6; j++)
        {
            double columnSum = 0;
            for (int i = 0; i < 3; i++)
            {
                columnSum += cache.A2[i * 6 + j];
                expected -= Y[i * 6 + j] * Math.Log(cache.A2[i * 6 + j]);
            }
            Assert.Equal(1.0, columnSum, 1e-15);
        }
        Assert.Equal(expected / 6, cost, 1e-14);
    }

    [Fact]
    public void SoftmaxCostStaysFiniteAndExactForHugeLogits()
    {
        var net = new SoftmaxNet();
        var cache = new SoftmaxNet.Cache(1);
        double[] Y = { 0, 1, 0 };
        cache.Z2[0] = 1000;
        cache.Z2[1] = 990;
        cache.Z2[2] = -1000;

        double cost = net.ComputeCost(cache, Y);

        // −log softmax(z)_1 = log(e^1000 + e^990 + e^−1000) − 990 ≈ 10 + log(1 + e^−10).
        Assert.Equal(10 + Math.Log(1 + Math.Exp(-10)), cost, 1e-12);
    }

    [Fact]
    public void SoftmaxGradientsPassTheCoursesCheck()
    {
        var net = new SoftmaxNet();
        net.InitializeParameters(seed: 3);
        (double[] X, double[] Y) = OneHotBatch(net.Architecture, m: 5, seed: 7);

        AssertGradientsCheck(net, X, Y);
    }

    [Fact]
    public void LinearOutputCostIsHalfTheMeanSquaredErrorAndItsGradientsCheck()
    {
        var net = new RegressionNet();
        net.InitializeParameters(seed: 4);
        var random = new NumpyRandom(11);
        double[] X = new double[3 * 4];
        double[] Y = new double[2 * 4];
        random.FillGaussian(X);
        random.FillGaussian(Y);
        var cache = new RegressionNet.Cache(4);

        net.Forward(X, cache);
        double cost = net.ComputeCost(cache, Y);

        double expected = 0;
        for (int i = 0; i < Y.Length; i++)
            expected += (cache.A2[i] - Y[i]) * (cache.A2[i] - Y[i]);
        Assert.Equal(expected / (2 * 4), cost, 1e-14);
        AssertGradientsCheck(net, X, Y);
    }

    [Fact]
    public void MultiLabelSigmoidGradientsCheckAndClassifyEachOutput()
    {
        var net = new MultiLabelNet();
        net.InitializeParameters(seed: 5);
        var batch = new RandomBatch(net.Architecture, m: 4, seed: 13);

        AssertGradientsCheck(net, batch.X, batch.Y);

        double[] x = { 0.5, -1, 2, 0.25 };
        Span<double> probabilities = stackalloc double[3];
        Span<bool> labels = stackalloc bool[3];
        net.Predict(x, probabilities);
        net.Classify(x, labels);
        for (int i = 0; i < 3; i++)
            Assert.Equal(probabilities[i] > 0.5, labels[i]);
    }

    [Fact]
    public void PerLayerActivationsAreUsedAndTheirGradientsCheck()
    {
        var net = new PerLayerNet();
        net.InitializeParameters(seed: 6);
        (double[] X, double[] Y) = OneHotBatch(net.Architecture, m: 4, seed: 17);

        Assert.Equal(new[] { Activation.Tanh, Activation.LeakyRelu, Activation.Softmax }, net.Architecture.Activations);
        var cache = new PerLayerNet.Cache(4);
        net.Forward(X, cache);
        for (int i = 0; i < cache.A1.Length; i++)
            Assert.Equal(Math.Tanh(cache.Z1[i]), cache.A1[i], 1e-15);
        for (int i = 0; i < cache.A2.Length; i++)
            Assert.Equal(cache.Z2[i] > 0 ? cache.Z2[i] : 0.01 * cache.Z2[i], cache.A2[i]);
        AssertGradientsCheck(net, X, Y);
    }

    [Fact]
    public void SoftmaxClassifyIsTheMostProbableClass()
    {
        var net = new SoftmaxNet();
        net.InitializeParameters(seed: 8);
        var input = new SoftmaxNet.Input(0.3, -0.2, 1.5, 0.7);

        SoftmaxNet.Output probabilities = net.Predict(input);
        int best = 0;
        for (int i = 1; i < 3; i++)
            if (probabilities[i] > probabilities[best])
                best = i;

        Assert.Equal(best, net.Classify(input));
    }

    private void AssertGradientsCheck(INetwork<double> net, double[] X, double[] Y)
    {
        GradientChecker.Result result = GradientChecker.Check(net, X, Y);
        output.WriteLine($"{net.Architecture}: difference {result.Difference:E2}, ‖grad‖ {result.GradientNorm:G3}");

        Assert.True(result.GradientNorm > 1e-3, $"The gradients are (nearly) zero: ‖grad‖ = {result.GradientNorm}.");
        Assert.True(result.Difference < GradientCheckLimit, $"{net.Architecture}: difference {result.Difference} ≥ {GradientCheckLimit}.");
    }

    private static (double[] X, double[] Y) OneHotBatch(NetworkArchitecture architecture, int m, int seed)
    {
        var random = new NumpyRandom(seed);
        double[] X = new double[architecture.InputSize * m];
        random.FillGaussian(X);
        int classes = architecture.OutputSize;
        double[] Y = new double[classes * m];
        for (int j = 0; j < m; j++)
            Y[(int)(random.NextUInt32() % (uint)classes) * m + j] = 1;
        return (X, Y);
    }
}
