using System;

namespace DeepNet.Training.Tests;

/// <summary>
/// A reproducible, learnable classification set: X (n0 × m) from <c>randn</c>, each label row k of Y (nL × m) is 1 where a
/// fixed linear rule of the features (plus a little noise) is positive.
/// </summary>
internal sealed class Dataset
{
    private Dataset(double[] x, double[] y, int m)
    {
        X = x;
        Y = y;
        M = m;
    }

    /// <summary>n0 × m inputs.</summary>
    public double[] X { get; }

    /// <summary>nL × m labels, each 0 or 1.</summary>
    public double[] Y { get; }

    /// <summary>The number of examples.</summary>
    public int M { get; }

    public static Dataset Create(NetworkArchitecture architecture, int m, int seed)
    {
        int n0 = architecture.InputSize;
        int nL = architecture.OutputSize;
        var random = new NumpyRandom(seed);
        var x = new double[n0 * m];
        random.FillGaussian(x);
        var y = new double[nL * m];
        for (int k = 0; k < nL; k++)
        {
            for (int j = 0; j < m; j++)
            {
                double score = 0.3 * random.NextGaussian();
                for (int i = 0; i < n0; i++)
                    score += ((i + k) % 3 - 1) * x[i * m + j];
                y[k * m + j] = score > 0 ? 1 : 0;
            }
        }
        return new Dataset(x, y, m);
    }

    /// <summary>A copy whose feature 0 of example j is j, so that <see cref="RecordingNetwork"/> can tell which examples a batch holds.</summary>
    public Dataset WithExampleNumbers()
    {
        double[] x = (double[])X.Clone();
        for (int j = 0; j < M; j++)
            x[j] = j;
        return new Dataset(x, Y, M);
    }

    /// <summary>The same examples in single precision.</summary>
    public (float[] X, float[] Y) ToFloat() => (Array.ConvertAll(X, v => (float)v), Array.ConvertAll(Y, v => (float)v));
}
