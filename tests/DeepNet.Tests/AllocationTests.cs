using System;
using System.Runtime.CompilerServices;

namespace DeepNet.Tests;

/// <summary>
/// After construction and a warm-up, training steps and single-example predictions allocate nothing: every buffer
/// lives in the network, its cache and its gradients, or on the stack. The test methods are compiled fully optimised
/// up front and warm up with as many calls as they measure, so that no tier-up or on-stack replacement of the
/// measuring loop (which the runtime may do on this thread) lands inside the measurement.
/// </summary>
public sealed class AllocationTests
{
    private const int Steps = 1000;
    private const double LearningRate = 0.0075;

    [Fact]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Training_steps_of_TinyNet_allocate_nothing()
    {
        var net = new TinyNet();
        net.InitializeParameters(1);
        var batch = new RandomBatch(net.Architecture, m: 4, seed: 2);
        var cache = new TinyNet.Cache(batch.M);
        var grads = new TinyNet.Gradients();
        double cost = 0;
        for (int i = 0; i < Steps; i++)
            cost = Step(net, batch, cache, grads);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Steps; i++)
            cost = Step(net, batch, cache, grads);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated == 0, $"{Steps} training steps allocated {allocated} bytes.");
        Assert.True(double.IsFinite(cost) && cost > 0, $"cost {cost:R}");
    }

    [Fact]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Training_steps_of_a_wider_network_through_the_interface_allocate_nothing()
    {
        INetwork<double> net = new WideNet();
        net.InitializeParameters(3);
        var batch = new RandomBatch(net.Architecture, m: 32, seed: 4);
        NetworkCache<double> cache = net.CreateCache(batch.M);
        NetworkGradients<double> grads = net.CreateGradients();
        double firstCost = Step(net, batch, cache, grads);
        double cost = firstCost;
        for (int i = 0; i < Steps; i++)
            cost = Step(net, batch, cache, grads);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Steps; i++)
            cost = Step(net, batch, cache, grads);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated == 0, $"{Steps} training steps allocated {allocated} bytes.");
        Assert.True(cost < firstCost, $"{2 * Steps} steps of gradient descent should lower the cost: {firstCost:R} → {cost:R}.");
    }

    [Fact]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Predict_and_Classify_allocate_nothing()
    {
        var tiny = new TinyNet();
        tiny.InitializeParameters(5);
        var wide = new WideNet();
        wide.InitializeParameters(6);
        var pooled = new PooledPredictNet();
        pooled.InitializeParameters(7);
        double[] tinyX = new RandomBatch(tiny.Architecture, 1, 8).X;
        double[] wideX = new RandomBatch(wide.Architecture, 1, 9).X;
        double[] pooledX = new RandomBatch(pooled.Architecture, 1, 10).X;
        var input = new TinyNet.Input(tinyX[0], tinyX[1], tinyX[2], tinyX[3], tinyX[4]);
        double[] output = new double[1];
        double sum = 0;
        for (int i = 0; i < Steps; i++)
            sum += PredictAll();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Steps; i++)
            sum += PredictAll();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated == 0, $"{Steps} rounds of predictions allocated {allocated} bytes.");
        Assert.True(double.IsFinite(sum));

        double PredictAll()
        {
            double total = tiny.Predict(tinyX) + tiny.Predict(input);
            total += tiny.Classify(tinyX) ? 1 : 0;
            total += tiny.Classify(input) ? 1 : 0;
            wide.Predict(wideX, output);
            total += output[0];
            pooled.Predict(pooledX, output);
            return total + output[0];
        }
    }

    private static double Step(TinyNet net, RandomBatch batch, TinyNet.Cache cache, TinyNet.Gradients grads)
    {
        net.Forward(batch.X, cache);
        double cost = net.ComputeCost(cache, batch.Y);
        net.Backward(batch.X, batch.Y, cache, grads);
        net.UpdateParameters(grads, LearningRate);
        return cost;
    }

    private static double Step(INetwork<double> net, RandomBatch batch, NetworkCache<double> cache, NetworkGradients<double> grads)
    {
        net.Forward(batch.X, cache);
        double cost = net.ComputeCost(cache, batch.Y);
        net.Backward(batch.X, batch.Y, cache, grads);
        net.UpdateParameters(grads, LearningRate);
        return cost;
    }
}
