using System;

namespace DeepNet.Application.Tests;

/// <summary>A small random classification batch for the test networks: X is n0 × m, Y is 1 × m of 0/1 labels.</summary>
internal static class TrainingData
{
    public static (double[] X, double[] Y) Create(int inputSize, int m, int seed = 3)
    {
        var random = new NumpyRandom(seed);
        var x = new double[inputSize * m];
        random.FillGaussian(x);
        var y = new double[m];
        for (int j = 0; j < m; j++)
            y[j] = x[j] + 0.5 * x[m + j] > 0 ? 1 : 0;
        return (x, y);
    }

    /// <summary>The course's loop, step by step on the generated network: the costs of iterations 0 … n − 1.</summary>
    public static double[] GradientDescent(INetwork<double> network, double[] x, double[] y, int iterations, double learningRate)
    {
        int m = y.Length;
        var cache = network.CreateCache(m);
        var grads = network.CreateGradients();
        var costs = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            network.Forward(x, cache);
            costs[i] = network.ComputeCost(cache, y);
            network.Backward(x, y, cache, grads);
            network.UpdateParameters(grads, learningRate);
        }
        return costs;
    }
}
