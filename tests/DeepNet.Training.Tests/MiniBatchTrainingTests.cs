using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace DeepNet.Training.Tests;

/// <summary>
/// <see cref="Trainer"/> with mini-batches: which examples each update sees, how epochs, iterations and reports line
/// up, and that cancellation and divergence keep the parameters reached.
/// </summary>
public sealed class MiniBatchTrainingTests
{
    private const int M = 10;
    private const int BatchSize = 4;

    [Fact]
    public void EachEpoch_ShufflesAsNumpyWithTheSeedPlusTheEpoch_AndIncludesTheLastPartialBatch()
    {
        var (network, data) = Recorded(M);

        Trainer.Train(network, data.X, data.Y, Options() with { Epochs = 3, ShuffleSeed = 11 });

        Assert.Equal(9, network.Batches.Count);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var order = new int[M];
            new NumpyRandom(11 + epoch).Permutation(order);
            Assert.Equal(order[0..4], network.Batches[3 * epoch]);
            Assert.Equal(order[4..8], network.Batches[3 * epoch + 1]);
            Assert.Equal(order[8..10], network.Batches[3 * epoch + 2]);
        }
        // One cache, made for the largest batch, serves every batch.
        Assert.All(network.Caches, cache => Assert.Same(network.Caches[0], cache));
        Assert.Equal(BatchSize, network.Caches[0].Capacity);
    }

    [Fact]
    public void WithoutShuffling_BatchesFollowTheColumns()
    {
        var (network, data) = Recorded(M);

        Trainer.Train(network, data.X, data.Y, Options() with { Epochs = 2, Shuffle = false });

        int[][] expected = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]];
        Assert.Equal(expected.Concat(expected), network.Batches);
    }

    [Fact]
    public void TheEpochCost_IsTheMeanOfTheBatchCosts_WeightedByTheirSizes_AndReportedWithTheEpochsLine()
    {
        var (network, data) = Recorded(M);
        var reports = new List<TrainingProgress>();

        TrainingResult result = Trainer.Train(network, data.X, data.Y, Options() with { Epochs = 4 }, reports.Add);

        Assert.Equal(reports, result.Costs);
        Assert.Equal([0, 1, 2, 3], reports.Select(p => p.Epoch));
        Assert.Equal([2, 5, 8, 11], reports.Select(p => p.Iteration));
        Assert.All(reports, p => Assert.Equal((4, 12), (p.Epochs, p.Iterations)));
        for (int epoch = 0; epoch < 4; epoch++)
        {
            double[] c = network.Costs.Skip(3 * epoch).Take(3).ToArray();
            Assert.Equal((c[0] * 4 + c[1] * 4 + c[2] * 2) / 10, reports[epoch].Cost);
        }
        Assert.Equal($"Cost after epoch 3: {reports[3].Cost:R}", reports[3].CourseLine);
        Assert.True(reports[^1].Cost < reports[0].Cost, $"{reports[0].Cost:R} → {reports[^1].Cost:R}");
    }

    [Fact]
    public void Iterations_MayEndPartWayThroughAnEpoch_WhichIsReportedWithTheUpdatesItHad()
    {
        var (network, data) = Recorded(M);

        TrainingResult result = Trainer.Train(network, data.X, data.Y, Options() with { Iterations = 7 });

        Assert.Equal(7, network.Batches.Count);
        Assert.Equal([2, 5, 6], result.Costs.Select(p => p.Iteration));
        Assert.All(result.Costs, p => Assert.Equal((3, 7), (p.Epochs, p.Iterations)));
        Assert.Equal(network.Costs[6], result.FinalCost);
        var order = new int[M];
        new NumpyRandom(2).Permutation(order);
        Assert.Equal(order[0..4], network.Batches[6]);
    }

    [Fact]
    public void ABatchOfAtLeastM_TrainsOnAllExamplesEachEpoch_ReportingIterations()
    {
        var (network, data) = Recorded(M);

        TrainingResult result = Trainer.Train(network, data.X, data.Y, Options() with { Epochs = 3, BatchSize = 64 });

        Assert.Equal(3, network.Batches.Count);
        Assert.All(network.Batches, ids => Assert.Equal(Enumerable.Range(0, M), ids.Order()));
        Assert.Equal(M, network.Caches[0].Capacity);
        Assert.Equal(network.Costs, result.Costs.Select(p => p.Cost));
        Assert.StartsWith("Cost after iteration 2: ", result.Costs[^1].CourseLine);
    }

    [Fact]
    public void Reports_EveryInterval_AndTheLastEpoch_AfterTheEpochsLastUpdate()
    {
        var (network, data) = Recorded(M);
        var seen = new List<(int Epoch, double[] Parameters)>();

        Trainer.Train(network, data.X, data.Y, Options() with { Epochs = 8, ReportEvery = 3 },
            p => seen.Add((p.Epoch, network.Parameters.ToArray())));

        Assert.Equal([0, 3, 6, 7], seen.Select(s => s.Epoch));
        // The callback sees the parameters the next epoch starts from.
        foreach ((int epoch, double[] parameters) in seen.Where(s => s.Epoch < 7))
            NumericAssert.Identical(network.ParametersAtForward[3 * (epoch + 1)], parameters, $"parameters after epoch {epoch}");
    }

    [Fact]
    public void FullBatchEpochs_AreIterations()
    {
        Dataset data = Dataset.Create(new SmallReluNet().Architecture, M, seed: 4);
        var byEpochs = NewNetwork();
        var byIterations = NewNetwork();

        TrainingResult epochs = Trainer.Train(byEpochs, data.X, data.Y, new TrainingOptions { Epochs = 30, LearningRate = 0.1, ReportEvery = 1 });
        TrainingResult iterations = Trainer.Train(byIterations, data.X, data.Y, new TrainingOptions { Iterations = 30, LearningRate = 0.1, ReportEvery = 1 });

        Assert.Equal(iterations.Costs.Select(p => (p.Iteration, p.Epoch, p.Cost)), epochs.Costs.Select(p => (p.Iteration, p.Epoch, p.Cost)));
        Assert.Equal(Enumerable.Range(0, 30), epochs.Costs.Select(p => p.Epoch));
        NumericAssert.Identical(byIterations.Parameters, byEpochs.Parameters, "θ");
        Assert.StartsWith("Cost after iteration 29: ", epochs.Costs[^1].CourseLine);
    }

    [Fact]
    public void TheSchedule_SetsEachEpochsLearningRate()
    {
        var (network, data) = Recorded(M);
        var plain = Recorded(M).Network;

        TrainingResult result = Trainer.Train(network, data.X, data.Y, Options() with { Epochs = 3, ReportEvery = 1, LearningRateSchedule = new InverseTimeDecay(1) });

        Assert.Equal([0.1, 0.05, 0.1 / 3], result.Costs.Select(p => p.LearningRate));
        // Epoch 0 runs with α0, so its first update is plain gradient descent's with α0.
        Trainer.Train(plain, data.X, data.Y, Options() with { Iterations = 1 });
        NumericAssert.Identical(plain.Parameters, network.ParametersAtForward[1], "θ after the first update");
    }

    [Fact]
    public void AScheduleGivingANonPositiveRate_IsReportedWithItsEpoch()
    {
        var (network, data) = Recorded(M);

        var e = Assert.Throws<InvalidOperationException>(() =>
            Trainer.Train(network, data.X, data.Y, Options() with { Epochs = 3, LearningRateSchedule = new StepToZero(2) }));

        Assert.Contains("epoch 2", e.Message);
        Assert.Equal(6, network.Batches.Count);
    }

    [Fact]
    public void L2_AddsItsPenaltyToTheReportedCost()
    {
        var (network, data) = Recorded(M);
        const double lambda = 0.3;
        double penalty = L2Regularization.Cost<double>(network.Architecture, network.Parameters, lambda, M);

        TrainingResult result = Trainer.Train(network, data.X, data.Y, new TrainingOptions { Iterations = 1, LearningRate = 0.1, L2Lambda = lambda });

        Assert.True(penalty > 0.01, $"penalty {penalty:R}");
        Assert.Equal(network.Costs[0] + penalty, result.FinalCost);
    }

    [Fact]
    public void Cancellation_InTheMiddleOfAnEpoch_KeepsTheUpdatesMade()
    {
        using var cancellation = new CancellationTokenSource();
        Dataset data = Dataset.Create(new SmallReluNet().Architecture, M, seed: 4);
        var network = new RecordingNetwork(NewNetwork()) { AfterForward = call => { if (call == 5) cancellation.Cancel(); } };
        var reference = NewNetwork();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Trainer.Train(network, data.X, data.Y, Options() with { Epochs = 10, Optimizer = new Adam() }, cancellationToken: cancellation.Token));
        Trainer.Train(reference, data.X, data.Y, Options() with { Iterations = 5, Optimizer = new Adam() });

        // Update 5 (the second of epoch 1) completes; update 6 never starts.
        Assert.Equal(5, network.Batches.Count);
        NumericAssert.Identical(reference.Parameters, network.Parameters, "θ");
    }

    [Fact]
    public void Divergence_RestoresTheParametersOfTheLastUpdateWithAFiniteCost()
    {
        Dataset data = Dataset.Create(new LeakyNet().Architecture, M, seed: 4);
        var network = new LeakyNet();
        network.InitializeParameters(seed: 2);
        TrainingOptions options = Options() with { Epochs = 100, LearningRate = 1e200 };

        var e = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(network, data.X, data.Y, options));

        Assert.True(e.Iteration >= 1, $"diverged at iteration {e.Iteration}");
        Assert.False(double.IsFinite(e.Cost));
        // The parameters before update e.Iteration − 1: the initial ones, or those the first e.Iteration − 1 updates reach.
        var reference = new LeakyNet();
        reference.InitializeParameters(seed: 2);
        if (e.Iteration > 1)
        {
            TrainingResult before = Trainer.Train(reference, data.X, data.Y, options with { Epochs = null, Iterations = e.Iteration - 1, ReportEvery = 1 });
            Assert.All(before.Costs, p => Assert.True(double.IsFinite(p.Cost)));
        }
        NumericAssert.Identical(reference.Parameters, network.Parameters, "θ");
        Assert.All(network.Parameters.ToArray(), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void FloatNetworks_TrainWithMiniBatchesAndAdam_AsTheirDoubleTwins()
    {
        Dataset data = Dataset.Create(new SmallReluNet().Architecture, 50, seed: 4);
        (float[] x, float[] y) = data.ToFloat();
        var doubles = NewNetwork();
        var floats = new SmallReluFloatNet();
        floats.InitializeParameters(seed: 2);
        TrainingOptions options = Options() with { Epochs = 20, BatchSize = 16, LearningRate = 0.01, Optimizer = new Adam(), L2Lambda = 0.1, ReportEvery = 1 };

        TrainingResult d = Trainer.Train(doubles, data.X, data.Y, options);
        TrainingResult f = Trainer.Train(floats, x, y, options);

        NumericAssert.Close(d.Costs.Select(p => p.Cost).ToArray(), f.Costs.Select(p => p.Cost).ToArray(), 1e-4, "epoch costs");
        Assert.True(d.FinalCost < 0.8 * d.Costs[0].Cost, $"{d.Costs[0].Cost:R} → {d.FinalCost:R}");
    }

    [Fact]
    public void TrainingTime_LeavesOutTheReportCallbacks()
    {
        var (network, data) = Recorded(M);
        var reports = new List<TrainingProgress>();

        Trainer.Train(network, data.X, data.Y, Options() with { Epochs = 4, ReportEvery = 1 }, p =>
        {
            reports.Add(p);
            Thread.Sleep(30);
        });

        // The three callbacks before the last report are in Elapsed but not in TrainingTime.
        TrainingProgress last = reports[^1];
        Assert.True(last.Elapsed - last.TrainingTime >= TimeSpan.FromMilliseconds(90), $"Elapsed {last.Elapsed}, training {last.TrainingTime}");
        Assert.True(last.TrainingTime > TimeSpan.Zero);
    }

    [Theory]
    [InlineData(null, null, null, 0.0, 0, "Iterations")]
    [InlineData(5, 5, null, 0.0, 0, "Iterations")]
    [InlineData(null, 0, null, 0.0, 0, "Epochs")]
    [InlineData(null, 2, 0, 0.0, 0, "BatchSize")]
    [InlineData(null, 2, -3, 0.0, 0, "BatchSize")]
    [InlineData(null, 2, 4, -0.1, 0, "L2Lambda")]
    [InlineData(null, 2, 4, double.NaN, 0, "L2Lambda")]
    [InlineData(null, 2, 4, 0.0, -1, "ShuffleSeed")]
    [InlineData(null, int.MaxValue, 4, 0.0, 0, "Epochs")]
    public void InvalidOptions_AreRejected(int? iterations, int? epochs, int? batchSize, double lambda, int seed, string parameter)
    {
        var (network, data) = Recorded(M);
        var options = new TrainingOptions { Iterations = iterations, Epochs = epochs, BatchSize = batchSize, L2Lambda = lambda, ShuffleSeed = seed, LearningRate = 0.1 };

        var e = Assert.ThrowsAny<ArgumentException>(() => Trainer.Train(network, data.X, data.Y, options));

        Assert.Equal(parameter, e.ParamName);
        Assert.Empty(network.Batches);
    }

    [Fact]
    public void ANullOptimizer_IsRejected()
    {
        var (network, data) = Recorded(M);

        var e = Assert.Throws<ArgumentNullException>(() => Trainer.Train(network, data.X, data.Y, Options() with { Epochs = 1, Optimizer = null! }));

        Assert.Equal("Optimizer", e.ParamName);
    }

    private static TrainingOptions Options() =>
        new() { Iterations = null, Epochs = null, LearningRate = 0.1, BatchSize = BatchSize, ShuffleSeed = 0, ReportEvery = 1 };

    private static SmallReluNet NewNetwork()
    {
        var network = new SmallReluNet();
        network.InitializeParameters(seed: 2);
        return network;
    }

    private static (RecordingNetwork Network, Dataset Data) Recorded(int m) =>
        (new RecordingNetwork(NewNetwork()), Dataset.Create(new SmallReluNet().Architecture, m, seed: 4).WithExampleNumbers());

    /// <summary>α0 until <paramref name="epoch"/>, then 0: a user schedule with a bug.</summary>
    private sealed record StepToZero(int epoch) : ILearningRateSchedule
    {
        public double LearningRate(double initialLearningRate, int e) => e < epoch ? initialLearningRate : 0;
    }
}
