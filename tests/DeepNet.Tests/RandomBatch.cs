using System;

namespace DeepNet.Tests;

/// <summary>A reproducible batch for a network: X from <c>randn</c>, labels Y from <c>rand() &gt; 0.5</c>, both from one seeded <see cref="NumpyRandom"/>.</summary>
internal sealed class RandomBatch
{
    public RandomBatch(NetworkArchitecture architecture, int m, int seed)
    {
        var random = new NumpyRandom(seed);
        X = new double[architecture.InputSize * m];
        random.FillGaussian(X);
        Y = new double[architecture.OutputSize * m];
        for (int i = 0; i < Y.Length; i++)
            Y[i] = random.NextDouble() > 0.5 ? 1.0 : 0.0;
        M = m;
    }

    /// <summary>n0 × m inputs.</summary>
    public double[] X { get; }

    /// <summary>nL × m labels, each 0 or 1.</summary>
    public double[] Y { get; }

    /// <summary>The number of examples.</summary>
    public int M { get; }
}
