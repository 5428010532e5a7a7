using System;

namespace DeepNet.Application.Tests;

internal static class NumericAssert
{
    /// <summary>|actual − expected| ≤ tolerance · |expected|, with both values in the message.</summary>
    public static void Relative(double expected, double actual, double tolerance, string what)
    {
        double difference = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(difference <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (relative difference {difference:E2}, tolerance {tolerance:E0}).");
    }
}
