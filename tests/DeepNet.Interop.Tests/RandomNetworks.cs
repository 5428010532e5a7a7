using System;
using System.Numerics;

namespace DeepNet.Interop.Tests;

/// <summary>Seeded random parameters and inputs, in either precision.</summary>
internal static class RandomNetworks
{
    /// <summary>Every weight and bias drawn from N(0, 0.8²): non-zero biases, so a mis-wired b shows.</summary>
    public static void Randomize<T>(INetwork<T> network, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new NumpyRandom(seed);
        Span<T> parameters = network.Parameters;
        for (int i = 0; i < parameters.Length; i++)
            parameters[i] = T.CreateTruncating(0.8 * random.NextGaussian());
    }

    /// <summary><paramref name="count"/> standard normal values.</summary>
    public static T[] Gaussian<T>(int count, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new NumpyRandom(seed);
        var values = new T[count];
        for (int i = 0; i < count; i++)
            values[i] = T.CreateTruncating(random.NextGaussian());
        return values;
    }

    /// <summary>The transpose of a rows × columns row-major matrix.</summary>
    public static T[] Transpose<T>(ReadOnlySpan<T> matrix, int rows, int columns)
    {
        var transposed = new T[matrix.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
                transposed[j * rows + i] = matrix[i * columns + j];
        }
        return transposed;
    }
}
