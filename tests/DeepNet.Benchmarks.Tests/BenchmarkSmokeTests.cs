using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using DeepNet.Kernels;
using Xunit.Abstractions;

namespace DeepNet.Benchmarks.Tests;

/// <summary>
/// Every benchmark row once, as BenchmarkDotNet would set it up: its setup's own checks run, and all rows of a class,
/// each starting from the same parameters and data, return the same first cost (or prediction). A row that did less
/// work, or other work, than its baseline fails here instead of looking fast.
/// </summary>
public sealed class BenchmarkSmokeTests(ITestOutputHelper output)
{
    public static TheoryData<string> BenchmarkClasses()
    {
        var names = new TheoryData<string>();
        foreach (Type type in BenchmarkTypes())
            names.Add(type.Name);
        return names;
    }

    [Fact]
    public void EveryWorkloadOfTheIssueHasAClass()
    {
        string[] names = BenchmarkTypes().Select(t => t.Name).ToArray();
        Assert.Equal(["CourseStep", "MidPredict", "MidStep", "TinyPredict", "TinyStep"], names.Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public void EveryRowComputesWhatItsBaselineComputes(string className)
    {
        Type type = BenchmarkTypes().Single(t => t.Name == className);
        MethodInfo[] rows = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .ToArray();
        MethodInfo baseline = rows.Single(m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline);
        int threads = DenseKernels.MaxDegreeOfParallelism;
        try
        {
            double expected = RunOnce(type, baseline);
            foreach (MethodInfo row in rows)
            {
                double actual = RunOnce(type, row);
                // float32 rows agree to single precision; float64 rows to the order of their sums.
                double tolerance = row.ReturnType == typeof(float) ? 1e-3 : 1e-9;
                output.WriteLine($"{className}.{row.Name}: {actual:R} (baseline {expected:R})");
                Assert.True(double.IsFinite(actual), $"{className}.{row.Name} returned {actual}.");
                Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected)),
                    $"{className}.{row.Name} returned {actual:R}, its baseline {baseline.Name} {expected:R}.");
            }
        }
        finally
        {
            DenseKernels.MaxDegreeOfParallelism = threads;
        }
    }

    /// <summary>A fresh instance, the global setups that apply to <paramref name="row"/>, then one call.</summary>
    private static double RunOnce(Type type, MethodInfo row)
    {
        object instance = Activator.CreateInstance(type)!;
        foreach (MethodInfo setup in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            GlobalSetupAttribute? attribute = setup.GetCustomAttribute<GlobalSetupAttribute>();
            if (attribute is not null && (attribute.Targets is not { Length: > 0 } targets || targets.Contains(row.Name)))
                setup.Invoke(instance, null);
        }
        return Convert.ToDouble(row.Invoke(instance, null));
    }

    private static IEnumerable<Type> BenchmarkTypes() =>
        typeof(DynamicNetwork).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null));
}
