using System;
using System.Runtime.CompilerServices;

namespace DeepNet.Kernels;

/// <summary>The one argument check per call that generated code makes before any arithmetic.</summary>
public static class ShapeChecks
{
    /// <summary>Throws unless <paramref name="length"/> is <paramref name="rows"/> × <paramref name="columns"/>.</summary>
    /// <param name="length">The length given.</param>
    /// <param name="rows">Expected rows, such as n0.</param>
    /// <param name="columns">Expected columns, such as m.</param>
    /// <param name="parameterName">The argument's name, such as <c>X</c>.</param>
    /// <param name="shape">The expected shape in the course's notation, such as <c>n0 × m</c>.</param>
    /// <param name="network">The network's type name, for the message.</param>
    /// <exception cref="ArgumentException">The length differs.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Matrix(int length, int rows, int columns, string parameterName, string shape, string network)
    {
        if (length != (long)rows * columns)
            ThrowMatrix(length, rows, columns, parameterName, shape, network);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMatrix(int length, int rows, int columns, string parameterName, string shape, string network) =>
        throw new ArgumentException(
                $"{parameterName} has length {length}, but {network} expects {shape} = {rows} × {columns} = {(long)rows * columns} values (row-major, one example per column).",
                parameterName);

    /// <summary>Throws unless a cache or gradients object was made for <paramref name="expected"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="actual"/> is null.</exception>
    /// <exception cref="ArgumentException">The architectures differ.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SameArchitecture(NetworkArchitecture? actual, NetworkArchitecture expected, string parameterName, string network)
    {
        // The usual case, a cache or gradients made by this network type, is one comparison.
        if (!ReferenceEquals(actual, expected))
            CheckEqualArchitecture(actual, expected, parameterName, network);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckEqualArchitecture(NetworkArchitecture? actual, NetworkArchitecture expected, string parameterName, string network)
    {
        if (actual is null)
            throw new ArgumentNullException(parameterName);
        if (!actual.Equals(expected))
            throw new ArgumentException($"{parameterName} was made for a {actual} network, but {network} is {expected}.", parameterName);
    }

    /// <summary>Throws unless the learning rate is finite and positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LearningRate(double learningRate, string parameterName)
    {
        if (!double.IsFinite(learningRate) || learningRate <= 0)
            ThrowLearningRate(learningRate, parameterName);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLearningRate(double learningRate, string parameterName) =>
        throw new ArgumentOutOfRangeException(parameterName, learningRate, "The learning rate must be finite and positive.");
}
