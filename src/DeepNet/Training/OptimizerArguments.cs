using System;

namespace DeepNet.Training;

/// <summary>The checks the built-in optimizers make on their settings and on each update's spans.</summary>
internal static class OptimizerArguments
{
    /// <summary>Returns <paramref name="value"/> when it is a decay rate β in [0, 1); throws otherwise.</summary>
    public static double Beta(double value, string name) =>
        value >= 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} is a decay rate of a moving average: it must be in [0, 1).");

    /// <summary>Returns <paramref name="value"/> when it is an ε that is finite and positive; throws otherwise.</summary>
    public static double Epsilon(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} keeps a denominator away from zero: it must be finite and positive.");

    /// <summary>Throws unless both spans hold the <paramref name="expected"/> number of parameters.</summary>
    public static void Lengths(int expected, int parameters, int gradients)
    {
        if (parameters != expected)
            throw new ArgumentException($"The optimizer state was made for {expected} parameters; {parameters} were given.", nameof(parameters));
        if (gradients != expected)
            throw new ArgumentException($"The optimizer state was made for {expected} parameters; {gradients} gradients were given.", nameof(gradients));
    }
}
