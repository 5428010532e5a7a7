using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Xunit.Abstractions;

namespace DeepNet.Training.Tests;

/// <summary>
/// Each optimizer against the course's own update functions in numpy (Python/course_optimizers.py), applied for several
/// steps to the same seeded parameters and gradients: every parameter after every step within 1e-12.
/// </summary>
public sealed class OptimizerReferenceTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-12;
    private const int Seed = 7;
    private const int Steps = 12;
    private const double LearningRate = 0.01;

    private static readonly Dictionary<string, IOptimizer> s_optimizers = new()
    {
        ["gd"] = new GradientDescent(),
        ["momentum"] = new Momentum(),
        ["rmsprop"] = new RmsProp(),
        ["adam"] = new Adam(),
    };

    [NumpyFact]
    public void EveryOptimizer_MatchesTheCoursesNumpyUpdates_StepByStep()
    {
        // 5-4-3-1 has 43 parameters: vector lanes and a scalar remainder on every machine.
        NetworkArchitecture architecture = new SmallReluNet().Architecture;
        string[] arguments = [.. new[] { Seed, Steps }.Select(Invariant), Invariant(LearningRate), .. architecture.LayerSizes.Select(Invariant)];
        var expected = JsonSerializer.Deserialize<Dictionary<string, double[][]>>(PythonNumpy.RunScript("optimizers.py", "", arguments))!;

        foreach ((string name, IOptimizer optimizer) in s_optimizers)
        {
            var random = new NumpyRandom(Seed);
            var theta = new double[architecture.ParameterCount];
            random.FillGaussian(theta);
            var gradients = new double[Steps][];
            for (int t = 0; t < Steps; t++)
            {
                gradients[t] = new double[theta.Length];
                random.FillGaussian(gradients[t]);
            }
            IOptimizerState<double> state = optimizer.CreateState<double>(architecture);

            double largest = 0;
            for (int t = 0; t < Steps; t++)
            {
                state.Update(theta, gradients[t], LearningRate);
                largest = Math.Max(largest, NumericAssert.Close(expected[name][t], theta, Tolerance, $"{name}: θ after step {t + 1}"));
            }
            output.WriteLine($"{name}: {Steps} steps × {theta.Length} parameters, largest |C# − numpy| = {largest:R}");
        }
    }

    private static string Invariant<TValue>(TValue value) where TValue : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
