using System;
using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace DeepNet.Training.Tests;

/// <summary>
/// After set-up, mini-batch training allocates nothing per update: the batch buffers, the cache (sized for the largest
/// batch and reused for the partial last one), the gradients and the optimizer state are all allocated once.
/// </summary>
public sealed class TrainingAllocationTests(ITestOutputHelper output)
{
    [Fact]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // no tier-up of this loop on this thread mid-measurement
    public void MiniBatchSteps_WithL2AndAdam_AllocateNothing()
    {
        INetwork<double> network = new WideNet();
        network.InitializeParameters(seed: 1);
        NetworkArchitecture architecture = network.Architecture;
        Dataset data = Dataset.Create(architecture, m: 100, seed: 2);
        var batches = new MiniBatches<double>(architecture.InputSize, architecture.OutputSize, data.M, batchSize: 32);
        NetworkCache<double> cache = network.CreateCache(batches.BatchSize);
        NetworkGradients<double> grads = network.CreateGradients();
        IOptimizerState<double> adam = new Adam().CreateState<double>(architecture);
        var random = new NumpyRandom(3);
        double firstCost = Epoch();

        const int epochs = 250;
        for (int epoch = 0; epoch < epochs; epoch++)
            Epoch();
        double cost = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int epoch = 0; epoch < epochs; epoch++)
            cost = Epoch();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"{epochs * batches.BatchCount} mini-batch updates (batches of 32, 32, 32, 4) allocated {allocated} bytes; cost {firstCost:R} → {cost:R}");
        Assert.True(allocated == 0, $"{epochs * batches.BatchCount} updates allocated {allocated} bytes.");
        Assert.True(cost < firstCost, $"{firstCost:R} → {cost:R}");

        double Epoch()
        {
            batches.Shuffle(random);
            double sum = 0;
            for (int k = 0; k < batches.BatchCount; k++)
            {
                MiniBatch<double> batch = batches.Gather(k, data.X, data.Y);
                cache.SetExampleCount(batch.Count);
                network.Forward(batch.X, cache);
                sum += batch.Count * (network.ComputeCost(cache, batch.Y) + L2Regularization.Cost<double>(architecture, network.Parameters, 0.1, batch.Count));
                network.Backward(batch.X, batch.Y, cache, grads);
                L2Regularization.AddGradient<double>(architecture, network.Parameters, grads.Values, 0.1, batch.Count);
                adam.Update(network.Parameters, grads.Values, 0.001);
            }
            return sum / data.M;
        }
    }

    [Fact]
    public void Trainer_AllocatesTheSameForTenTimesMoreUpdates()
    {
        Dataset data = Dataset.Create(new WideNet().Architecture, m: 4000, seed: 2);
        Measure(200);

        long few = Measure(200);
        long many = Measure(2000);

        output.WriteLine($"Trainer.Train, one epoch of batches of 2 with Adam and L2: {few} bytes for 200 updates, {many} bytes for 2000");
        Assert.Equal(few, many);

        long Measure(int iterations)
        {
            var network = new WideNet();
            network.InitializeParameters(seed: 1);
            var options = new TrainingOptions
            {
                Iterations = iterations, BatchSize = 2, LearningRate = 0.001, Optimizer = new Adam(), L2Lambda = 0.1, ReportEvery = 1,
            };
            long before = GC.GetAllocatedBytesForCurrentThread();
            Trainer.Train(network, data.X, data.Y, options);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }

    [Fact]
    public void Trainer_AllocatesNothingPerEpoch()
    {
        Dataset data = Dataset.Create(new WideNet().Architecture, m: 40, seed: 2);
        Measure(10);

        long ten = Measure(10);
        long hundred = Measure(110);
        double perEpoch = (hundred - ten) / 100.0;

        // The shuffle re-seeds one stream in place; every buffer is allocated once per run.
        output.WriteLine($"Trainer.Train, epochs of 4 batches of 10: {ten} bytes for 10 epochs, {hundred} for 110: {perEpoch:F0} bytes per epoch");
        Assert.Equal(0, perEpoch);

        long Measure(int epochs)
        {
            var network = new WideNet();
            network.InitializeParameters(seed: 1);
            var options = new TrainingOptions { Epochs = epochs, BatchSize = 10, LearningRate = 0.001, Optimizer = new Adam(), ReportEvery = 1000 };
            long before = GC.GetAllocatedBytesForCurrentThread();
            Trainer.Train(network, data.X, data.Y, options);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
