using System;

namespace DeepNet.Benchmarks;

/// <summary>Deterministic stand-ins for a training set: features in [0, 1) like scaled pixels, labels 0 or 1.</summary>
public static class TrainingData
{
    /// <summary>The course's learning rate.</summary>
    public const double LearningRate = 0.0075;

    /// <summary>X (n0 × m) and Y (1 × m), row-major with one example per column.</summary>
    public static (double[] X, double[] Y) Create(int features, int examples, int seed)
    {
        var random = new Random(seed);
        var X = new double[features * examples];
        for (int i = 0; i < X.Length; i++)
            X[i] = random.NextDouble();
        var Y = new double[examples];
        for (int j = 0; j < Y.Length; j++)
            Y[j] = random.Next(2);
        return (X, Y);
    }

    /// <summary>The same values in float32.</summary>
    public static float[] ToSingle(ReadOnlySpan<double> values)
    {
        var single = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
            single[i] = (float)values[i];
        return single;
    }

    /// <summary>Throws unless two implementations' costs agree: the baseline computes the same lecture math.</summary>
    public static void AssertSameCost(double expected, double actual, double relativeTolerance, string what)
    {
        if (!(Math.Abs(expected - actual) <= relativeTolerance * Math.Abs(expected)))
            throw new InvalidOperationException($"{what}: cost {actual} differs from DynamicNetwork's {expected}.");
    }
}
