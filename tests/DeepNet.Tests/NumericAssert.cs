using System;
using Xunit.Sdk;

namespace DeepNet.Tests;

/// <summary>Elementwise comparisons of flat matrices that name the first offending entry.</summary>
internal static class NumericAssert
{
    /// <summary>The course's agreement for a correct float64 implementation.</summary>
    public const double CourseTolerance = 1e-12;

    /// <summary>|expected[i] − actual[i]| ≤ <paramref name="tolerance"/> for every i, and equal lengths.</summary>
    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        if (expected.Length != actual.Length)
            throw new XunitException($"{what}: expected {expected.Length} values, got {actual.Length}.");
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]);
            if (!(error <= tolerance))
                throw new XunitException($"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (|error| {error:R} > {tolerance:R}).");
        }
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

    /// <summary>Every value is finite.</summary>
    public static void AllFinite(ReadOnlySpan<double> values, string what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new XunitException($"{what}[{i}] is {values[i]:R}.");
        }
    }
}
