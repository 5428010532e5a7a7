using System;
using DeepNet;

namespace QuickStart;

/// <summary>
/// The course's planar "flower": 400 points in two classes of 200, as its <c>load_planar_dataset</c> draws them
/// (numpy seed 1). Examples are columns: X is 2 × 400, Y is 1 × 400.
/// </summary>
public static class FlowerDataset
{
    public const int ExampleCount = 400;

    public static (double[] X, double[] Y) Generate(int seed = 1)
    {
        const int perClass = ExampleCount / 2;
        const double petals = 4;
        var random = new NumpyRandom(seed);
        var x = new double[2 * ExampleCount];
        var y = new double[ExampleCount];
        var noise = new double[perClass];
        for (int j = 0; j < 2; j++)
        {
            // t = linspace(3.12 j, 3.12 (j + 1), 200) + 0.2·randn(200)
            var t = new double[perClass];
            random.FillGaussian(noise);
            for (int i = 0; i < perClass; i++)
                t[i] = Linspace(3.12 * j, 3.12 * (j + 1), perClass, i) + noise[i] * 0.2;
            // r = 4 sin 4t + 0.2·randn(200)
            random.FillGaussian(noise);
            for (int i = 0; i < perClass; i++)
            {
                double r = petals * Math.Sin(4 * t[i]) + noise[i] * 0.2;
                int column = perClass * j + i;
                x[column] = r * Math.Sin(t[i]);
                x[ExampleCount + column] = r * Math.Cos(t[i]);
                y[column] = j;
            }
        }
        return (x, y);
    }

    /// <summary>numpy's linspace(start, stop, count)[i].</summary>
    private static double Linspace(double start, double stop, int count, int i)
    {
        double step = (stop - start) / (count - 1);
        return i == count - 1 ? stop : start + i * step;
    }
}
