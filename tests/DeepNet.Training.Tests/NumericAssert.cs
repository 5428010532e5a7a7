using System;
using Xunit.Sdk;

namespace DeepNet.Training.Tests;

/// <summary>Elementwise comparisons of flat vectors that name the first offending entry.</summary>
internal static class NumericAssert
{
    /// <summary>|expected[i] − actual[i]| ≤ <paramref name="tolerance"/> for every i, and equal lengths; returns the largest difference.</summary>
    public static double Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        if (expected.Length != actual.Length)
            throw new XunitException($"{what}: expected {expected.Length} values, got {actual.Length}.");
        double largest = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]);
            if (!(error <= tolerance))
                throw new XunitException($"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (|error| {error:R} > {tolerance:R}).");
            largest = Math.Max(largest, error);
        }
        return largest;
    }

    /// <summary>|expected[i] − actual[i]| ≤ <paramref name="tolerance"/>·max(1, |expected[i]|) for every i; returns the largest relative difference.</summary>
    public static double Relative(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        if (expected.Length != actual.Length)
            throw new XunitException($"{what}: expected {expected.Length} values, got {actual.Length}.");
        double largest = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]) / Math.Max(1, Math.Abs(expected[i]));
            if (!(error <= tolerance))
                throw new XunitException($"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (relative error {error:R} > {tolerance:R}).");
            largest = Math.Max(largest, error);
        }
        return largest;
    }

    /// <summary>Bit-identical values (so 0.0 and −0.0 differ, and NaN equals NaN).</summary>
    public static void Identical(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        if (expected.Length != actual.Length)
            throw new XunitException($"{what}: expected {expected.Length} values, got {actual.Length}.");
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                throw new XunitException($"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}.");
        }
    }
}
