using System;
using System.Collections.Generic;
using DeepNet.Tests.TestData;
using Xunit.Abstractions;

namespace DeepNet.Tests;

/// <summary>
/// <see cref="GradientChecker"/> on the course's gradient_check_n case and on generated networks of every hidden
/// activation and one to four layers: the backward pass agrees with difference quotients, and gradients are non-zero.
/// </summary>
public sealed class GradientCheckerTests(ITestOutputHelper output)
{
    /// <summary>The course's bar for a correct backward pass.</summary>
    private const double Threshold = 2e-7;

    private static readonly Dictionary<string, Func<INetwork<double>>> s_networks = new()
    {
        [nameof(LogisticNet)] = () => new LogisticNet(),
        [nameof(TanhNet)] = () => new TanhNet(),
        [nameof(WideReluNet)] = () => new WideReluNet(),
        [nameof(LeakyReluNet)] = () => new LeakyReluNet(),
        [nameof(LinearHiddenNet)] = () => new LinearHiddenNet(),
        [nameof(SigmoidHiddenNet)] = () => new SigmoidHiddenNet(),
        [nameof(DeepTanhNet)] = () => new DeepTanhNet(),
        [nameof(DeepReluNet)] = () => new DeepReluNet(),
        [nameof(TinyNet)] = () => new TinyNet(),
    };

    [CourseFact]
    public void Gradient_check_n_passes_on_the_course_case()
    {
        (GradientCheckNet net, double[] X, double[] Y, JsonCase data) = CourseGradientCheckCase();

        GradientChecker.Result result = GradientChecker.Check(net, X, Y, data.Number("epsilon"));

        output.WriteLine($"gradient_check_n: difference {result.Difference:R}, ‖grad‖ {result.GradientNorm:R}, ‖gradapprox‖ {result.ApproximationNorm:R} (course {data.Number("difference_correct"):R})");
        Assert.Equal(GradientCheckNet.ParameterCount, result.ParameterCount);
        Assert.True(result.GradientNorm > 0, "The course case has non-zero gradients.");
        Assert.True(result.Difference < Threshold, $"difference {result.Difference:R} ≥ {Threshold}");
        // The difference is rounding noise in the quotients, so only its order of magnitude is the course's.
        double courseDifference = data.Number("difference_correct");
        Assert.InRange(result.Difference, courseDifference / 2, courseDifference * 2);
    }

    [CourseFact]
    public void Gradient_check_n_finds_the_course_bugs()
    {
        (GradientCheckNet net, double[] X, double[] Y, JsonCase data) = CourseGradientCheckCase();
        // The course's deliberately buggy backward_propagation_n: dW2 twice too large, db1 four times.
        var buggy = new DelegatingNetwork(net)
        {
            AfterBackward = grads =>
            {
                foreach (ref double g in grads.dW(2)) g *= 2;
                foreach (ref double g in grads.db(1)) g *= 4;
            },
        };

        GradientChecker.Result result = GradientChecker.Check(buggy, X, Y, data.Number("epsilon"));

        output.WriteLine($"gradient_check_n (buggy): difference {result.Difference:R} (course {data.Number("difference_buggy"):R})");
        double expected = data.Number("difference_buggy");
        Assert.InRange(result.Difference, expected * (1 - 1e-6), expected * (1 + 1e-6));
    }

    // The seeds are not tuned: with these randn batches no relu or leaky relu input Z lies within ε of the kink at 0,
    // where a difference quotient straddles two slopes (that would show as one large difference, not a small drift).
    [Theory]
    [InlineData(nameof(LogisticNet), 1)]
    [InlineData(nameof(TanhNet), 2)]
    [InlineData(nameof(WideReluNet), 3)]
    [InlineData(nameof(LeakyReluNet), 4)]
    [InlineData(nameof(LinearHiddenNet), 5)]
    [InlineData(nameof(SigmoidHiddenNet), 6)]
    [InlineData(nameof(DeepTanhNet), 7)]
    [InlineData(nameof(DeepReluNet), 8)]
    [InlineData(nameof(TinyNet), 9)]
    public void Backward_agrees_with_difference_quotients(string network, int seed)
    {
        INetwork<double> net = s_networks[network]();
        net.InitializeParameters(seed);
        var batch = new RandomBatch(net.Architecture, m: 6, seed: seed + 100);
        AssertEveryLayerHasGradients(net, batch);
        double[] before = net.Parameters.ToArray();

        GradientChecker.Result result = GradientChecker.Check(net, batch.X, batch.Y);

        output.WriteLine($"{network} ({net.Architecture}): difference {result.Difference:R}, ‖grad‖ {result.GradientNorm:R}, ‖gradapprox‖ {result.ApproximationNorm:R}");
        Assert.Equal(net.Architecture.ParameterCount, result.ParameterCount);
        Assert.True(result.GradientNorm > 0 && result.ApproximationNorm > 0, "Both gradients must be non-zero for the check to mean anything.");
        Assert.True(result.Difference < Threshold, $"difference {result.Difference:R} ≥ {Threshold}");
        NumericAssert.Identical(before, net.Parameters, "parameters after the check");
    }

    [Fact]
    public void A_wrong_gradient_in_any_layer_is_found()
    {
        var net = new DeepTanhNet();
        net.InitializeParameters(11);
        var batch = new RandomBatch(net.Architecture, m: 4, seed: 12);
        for (int layer = 1; layer <= DeepTanhNet.LayerCount; layer++)
        {
            int corrupted = layer;
            var buggy = new DelegatingNetwork(net) { AfterBackward = grads => grads.dW(corrupted)[0] += 0.01 };

            GradientChecker.Result result = GradientChecker.Check(buggy, batch.X, batch.Y);

            Assert.True(result.Difference > 1e-3, $"dW{layer} off by 0.01 gave difference {result.Difference:R}");
        }
    }

    [Fact]
    public void Parameters_are_restored_when_a_forward_pass_throws()
    {
        var net = new TwoLayerNet();
        net.InitializeParameters(5);
        var batch = new RandomBatch(net.Architecture, m: 3, seed: 6);
        double[] before = net.Parameters.ToArray();
        // Calls 1 and 2 compute the gradients and J(θ + ε·e_0); call 3 is J(θ − ε·e_0), while θ0 is perturbed.
        var failing = new DelegatingNetwork(net) { FailingForwardCall = 3 };

        Assert.Throws<InvalidOperationException>(() => GradientChecker.Check(failing, batch.X, batch.Y));

        Assert.Equal(3, failing.ForwardCalls);
        NumericAssert.Identical(before, net.Parameters, "parameters after the failed check");
    }

    [Fact]
    public void Zero_gradients_give_a_zero_difference_and_zero_norms()
    {
        // All weights zero: every relu is off, so the cost does not depend on W1, b1 or W2, and sigmoid(0) = 0.5 for
        // labels of 0 and 1 in equal numbers makes db2 zero too. The result is 0, and the norms say why.
        var net = new TwoLayerNet();
        double[] X = [1, -1, 2, -2, 3, -3, 4, -4];
        double[] Y = [1, 0];

        GradientChecker.Result result = GradientChecker.Check(net, X, Y);

        Assert.Equal(new GradientChecker.Result(0, 0, 0, TwoLayerNet.ParameterCount), result);
    }

    [Fact]
    public void Arguments_are_validated()
    {
        var net = new TinyNet();
        double[] X = new double[TinyNet.InputSize * 2];
        double[] Y = new double[2];

        Assert.Equal("network", Assert.Throws<ArgumentNullException>(() => GradientChecker.Check(null!, X, Y)).ParamName);

        ArgumentException badX = Assert.Throws<ArgumentException>(() => GradientChecker.Check(net, new double[11], Y));
        Assert.Equal("X", badX.ParamName);
        Assert.Contains("n0 × m = 5 × m", badX.Message);
        Assert.Equal("X", Assert.Throws<ArgumentException>(() => GradientChecker.Check(net, [], Y)).ParamName);

        ArgumentException badY = Assert.Throws<ArgumentException>(() => GradientChecker.Check(net, X, new double[3]));
        Assert.Equal("Y", badY.ParamName);
        Assert.Contains("nL × m = 1 × 2 = 2", badY.Message);

        foreach (double epsilon in new[] { 0, -1e-7, double.NaN, double.PositiveInfinity })
            Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => GradientChecker.Check(net, X, Y, epsilon)).ParamName);
    }

    private static (GradientCheckNet Net, double[] X, double[] Y, JsonCase Data) CourseGradientCheckCase()
    {
        JsonCase data = CourseTestCases.Case("gradient_check_n");
        var net = new GradientCheckNet();
        data.Matrix("W1").CopyTo(net.W1);
        data.Matrix("b1").CopyTo(net.b1);
        data.Matrix("W2").CopyTo(net.W2);
        data.Matrix("b2").CopyTo(net.b2);
        data.Matrix("W3").CopyTo(net.W3);
        data.Matrix("b3").CopyTo(net.b3);
        return (net, data.Matrix("X"), data.Matrix("Y"), data);
    }

    private static void AssertEveryLayerHasGradients(INetwork<double> net, RandomBatch batch)
    {
        NetworkCache<double> cache = net.CreateCache(batch.M);
        NetworkGradients<double> grads = net.CreateGradients();
        net.Forward(batch.X, cache);
        net.Backward(batch.X, batch.Y, cache, grads);
        for (int l = 1; l <= net.Architecture.LayerCount; l++)
        {
            Assert.True(grads.dW(l).ContainsAnyExcept(0.0), $"dW{l} is all zero.");
            Assert.True(grads.db(l).ContainsAnyExcept(0.0), $"db{l} is all zero.");
        }
    }
}
