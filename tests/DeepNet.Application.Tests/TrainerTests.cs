using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DeepNet.Training;

namespace DeepNet.Application.Tests;

public sealed class TrainerTests
{
    private const int M = 16;
    private const double LearningRate = 0.1;

    [Fact]
    public void CourseLine_IsTheNotebooksLineWithRoundTripPrecision_InAnyCulture()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("Cost after iteration 0: 0.7717493284237686", new TrainingProgress(0, 2500, 0.7717493284237686, TimeSpan.Zero).CourseLine);
            Assert.Equal("Cost after iteration 2499: 0.08843994344170202", new TrainingProgress(2499, 2500, 0.08843994344170202, TimeSpan.Zero).CourseLine);
            Assert.Equal("Cost after iteration 3: 1e-05", new TrainingProgress(3, 10, 1e-05, TimeSpan.Zero).CourseLine);

            var random = new NumpyRandom(5);
            for (int k = 0; k < 1000; k++)
            {
                double cost = random.NextDouble() * Math.Pow(10, k % 7 - 3);
                string line = new TrainingProgress(k, 1000, cost, TimeSpan.Zero).CourseLine;
                string prefix = $"Cost after iteration {k}: ";
                Assert.StartsWith(prefix, line);
                Assert.Equal(cost, double.Parse(line[prefix.Length..], CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(250, 100, new[] { 0, 100, 200, 249 })]
    [InlineData(201, 100, new[] { 0, 100, 200 })]
    [InlineData(1, 100, new[] { 0 })]
    [InlineData(5, 1, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(8, 3, new[] { 0, 3, 6, 7 })]
    public void Reports_EveryInterval_AndTheLastIteration_WithTheCoursesCosts(int iterations, int reportEvery, int[] expected)
    {
        var (x, y) = TrainingData.Create(4, M);
        var network = NewNetwork();
        var reference = NewNetwork();
        double[] referenceCosts = TrainingData.GradientDescent(reference, x, y, iterations, LearningRate);

        var reported = new List<TrainingProgress>();
        TrainingResult result = Trainer.Train(network, x, y, Options(iterations, reportEvery), reported.Add);

        Assert.Equal(expected, reported.Select(p => p.Iteration));
        Assert.Equal(reported, result.Costs);
        Assert.All(reported, p => Assert.Equal(iterations, p.Iterations));
        Assert.Equal(expected.Select(i => referenceCosts[i]), reported.Select(p => p.Cost));
        Assert.Equal(referenceCosts[^1], result.FinalCost);
        Assert.True(reported.Zip(reported.Skip(1)).All(pair => pair.First.Elapsed <= pair.Second.Elapsed));
        Assert.True(result.Elapsed >= reported[^1].Elapsed);
        Assert.Equal(reference.Parameters.ToArray(), network.Parameters.ToArray());
    }

    [Fact]
    public void Trains_A_FloatNetwork_ReportingItsCostsAsDoubles()
    {
        var (x, y) = TrainingData.Create(4, M);
        float[] xf = Array.ConvertAll(x, v => (float)v);
        float[] yf = Array.ConvertAll(y, v => (float)v);
        var network = new TinyFloatNet();
        network.InitializeParameters(seed: 1);
        var reference = new TinyFloatNet();
        reference.InitializeParameters(seed: 1);
        var cache = new TinyFloatNet.Cache(M);
        var grads = new TinyFloatNet.Gradients();
        var costs = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            reference.Forward(xf, cache);
            costs.Add(reference.ComputeCost(cache, yf));
            reference.Backward(xf, yf, cache, grads);
            reference.UpdateParameters(grads, 0.1f);
        }

        TrainingResult result = Trainer.Train(network, xf, yf, Options(20, 1));

        Assert.Equal(costs, result.Costs.Select(p => p.Cost));
        Assert.True(costs[^1] < costs[0]);
        Assert.Equal(reference.Parameters.ToArray(), network.Parameters.ToArray());
    }

    [Fact]
    public void Cancellation_BeforeTheFirstIteration_LeavesTheParametersUntouched()
    {
        var (x, y) = TrainingData.Create(4, M);
        var network = NewNetwork();
        double[] before = network.Parameters.ToArray();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Trainer.Train(network, x, y, Options(100, 10), cancellationToken: cancellation.Token));
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Cancellation_DuringTraining_StopsBeforeTheNextIteration_KeepingTheParametersReached()
    {
        var (x, y) = TrainingData.Create(4, M);
        var network = NewNetwork();
        var reference = NewNetwork();
        TrainingData.GradientDescent(reference, x, y, iterations: 4, LearningRate);
        using var cancellation = new CancellationTokenSource();
        var reported = new List<int>();

        Assert.ThrowsAny<OperationCanceledException>(() => Trainer.Train(network, x, y, Options(1000, 1), p =>
        {
            reported.Add(p.Iteration);
            if (p.Iteration == 3)
                cancellation.Cancel();
        }, cancellation.Token));

        // Iteration 3 completes its update; iteration 4 never starts.
        Assert.Equal([0, 1, 2, 3], reported);
        Assert.Equal(reference.Parameters.ToArray(), network.Parameters.ToArray());
        Assert.All(network.Parameters.ToArray(), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Divergence_ThrowsNamingTheIteration_AndRestoresTheLastParametersWithAFiniteCost()
    {
        var (x, y) = TrainingData.Create(4, M);
        // The cost kernel reads a saturated sigmoid as a probability just inside (0, 1), so a merely large rate (1e6)
        // freezes the network at a finite cost; a rate that overflows the parameters makes the cost NaN.
        var network = NewLeakyNetwork();
        const double hugeRate = 1e200;

        var e = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(network, x, y, Options(100, 1, hugeRate)));

        Assert.True(e.Iteration >= 1, $"diverged at iteration {e.Iteration}");
        Assert.False(double.IsFinite(e.Cost));
        Assert.Equal(hugeRate, e.LearningRate);
        Assert.Contains($"iteration {e.Iteration}", e.Message);
        Assert.Contains($"iteration {e.Iteration - 1}", e.Message);

        // The course's loop for Iteration − 1 updates reaches the parameters whose cost was the last finite one.
        var reference = NewLeakyNetwork();
        double[] costs = TrainingData.GradientDescent(reference, x, y, e.Iteration - 1, hugeRate);
        Assert.All(costs, c => Assert.True(double.IsFinite(c)));
        double[] restored = network.Parameters.ToArray();
        Assert.All(restored, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(reference.Parameters.ToArray(), restored);
        var cache = reference.CreateCache(M);
        reference.Forward(x, cache);
        Assert.True(double.IsFinite(reference.ComputeCost(cache, y)));
    }

    [Fact]
    public void Divergence_AtIterationZero_KeepsTheParametersTheNetworkStartedWith()
    {
        var (x, y) = TrainingData.Create(4, M);
        var network = NewNetwork();
        network.W2[1] = double.NaN;
        double[] before = network.Parameters.ToArray();

        var e = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(network, x, y, Options(10, 1)));

        Assert.Equal(0, e.Iteration);
        Assert.Contains("iteration 0", e.Message);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void NonFiniteInputs_AreRejected_NamingRowAndColumn()
    {
        var (x, y) = TrainingData.Create(4, M);
        var network = NewNetwork();
        double[] before = network.Parameters.ToArray();

        x[2 * M + 5] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => Trainer.Train(network, x, y, Options(10, 1)));
        Assert.Equal("X", ex.ParamName);
        Assert.Contains("X[2, 5]", ex.Message);
        Assert.Contains("NaN", ex.Message);

        (x, y) = TrainingData.Create(4, M);
        y[3] = double.PositiveInfinity;
        var ey = Assert.Throws<ArgumentException>(() => Trainer.Train(network, x, y, Options(10, 1)));
        Assert.Equal("Y", ey.ParamName);
        Assert.Contains("Y[0, 3]", ey.Message);

        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Theory]
    [InlineData(0, 0.1, 1, "Iterations")]
    [InlineData(-5, 0.1, 1, "Iterations")]
    [InlineData(10, 0.0, 1, "LearningRate")]
    [InlineData(10, -0.1, 1, "LearningRate")]
    [InlineData(10, double.NaN, 1, "LearningRate")]
    [InlineData(10, double.PositiveInfinity, 1, "LearningRate")]
    [InlineData(10, 0.1, 0, "ReportEvery")]
    public void InvalidOptions_AreRejected(int iterations, double learningRate, int reportEvery, string parameter)
    {
        var (x, y) = TrainingData.Create(4, M);
        var network = NewNetwork();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train(network, x, y, Options(iterations, reportEvery, learningRate)));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void WrongLengths_AreRejected_SayingWhatWasExpected()
    {
        var (x, y) = TrainingData.Create(4, M);
        var network = NewNetwork();

        var notAMultiple = Assert.Throws<ArgumentException>(() => Trainer.Train(network, x.AsSpan(1).ToArray(), y, Options(1, 1)));
        Assert.Equal("X", notAMultiple.ParamName);
        Assert.Contains($"{4 * M - 1}", notAMultiple.Message);

        var empty = Assert.Throws<ArgumentException>(() => Trainer.Train(network, ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, Options(1, 1)));
        Assert.Equal("X", empty.ParamName);

        var labels = Assert.Throws<ArgumentException>(() => Trainer.Train(network, x, y.AsSpan(0, M - 1), Options(1, 1)));
        Assert.Equal("Y", labels.ParamName);
        Assert.Contains($"m = {M}", labels.Message);

        Assert.Throws<ArgumentNullException>(() => Trainer.Train<double>(null!, x, y, Options(1, 1)));
        Assert.Throws<ArgumentNullException>(() => Trainer.Train(network, x, y, null!));
    }

    private static SmallDeepNet NewNetwork()
    {
        var network = new SmallDeepNet();
        network.InitializeParameters(seed: 2);
        return network;
    }

    private static LeakyNet NewLeakyNetwork()
    {
        var network = new LeakyNet();
        network.InitializeParameters(seed: 2);
        return network;
    }

    private static TrainingOptions Options(int iterations, int reportEvery, double learningRate = LearningRate) =>
        new() { Iterations = iterations, LearningRate = learningRate, ReportEvery = reportEvery };
}
