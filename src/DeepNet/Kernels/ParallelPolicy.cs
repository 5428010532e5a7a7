using System;

namespace DeepNet.Kernels;

/// <summary>
/// How many threads a matrix product uses: only products large enough to repay the hand-over to another core are
/// split, on no more than <see cref="MaxDegreeOfParallelism"/> threads. Results do not depend on the split.
/// </summary>
internal static class ParallelPolicy
{
    /// <summary>Fewest floating-point operations per part: about 20 µs of one core's work, against about 1 µs to hand a part over.</summary>
    public const long MinimumFlopsPerPart = 1_000_000;

    private static int s_maxDegreeOfParallelism = Environment.ProcessorCount;

    [ThreadStatic] private static int t_maxDegreeOverride;
    [ThreadStatic] private static long t_minimumFlopsOverride;

    /// <summary>Most threads one product uses, for every thread; 1 runs every product on the calling thread.</summary>
    public static int MaxDegreeOfParallelism
    {
        get => s_maxDegreeOfParallelism;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            s_maxDegreeOfParallelism = value;
        }
    }

    /// <summary>Overrides <see cref="MaxDegreeOfParallelism"/> for products called from this thread (tests); null restores it.</summary>
    public static int? ThreadMaxDegreeOverride
    {
        get => t_maxDegreeOverride > 0 ? t_maxDegreeOverride : null;
        set
        {
            if (value is < 1)
                throw new ArgumentOutOfRangeException(nameof(value), value, "At least one thread.");
            t_maxDegreeOverride = value ?? 0;
        }
    }

    /// <summary>Overrides <see cref="MinimumFlopsPerPart"/> for products called from this thread, so that tests split small products.</summary>
    public static long? ThreadMinimumFlopsOverride
    {
        get => t_minimumFlopsOverride > 0 ? t_minimumFlopsOverride : null;
        set
        {
            if (value is < 1)
                throw new ArgumentOutOfRangeException(nameof(value), value, "At least one operation per part.");
            t_minimumFlopsOverride = value ?? 0;
        }
    }

    /// <summary>
    /// Parts that split evenly are claimed by whichever thread is free: this many per thread lets a thread that is
    /// delayed (by another process on its core) hold up only a small part.
    /// </summary>
    public const int PartsPerThread = 4;

    /// <summary>The threads for a product of <paramref name="flops"/> operations that divides into at most <paramref name="maxParts"/> parts.</summary>
    public static int Threads(double flops, int maxParts)
    {
        long minimum = t_minimumFlopsOverride > 0 ? t_minimumFlopsOverride : MinimumFlopsPerPart;
        double byWork = Math.Floor(flops / minimum);
        int threads = t_maxDegreeOverride > 0 ? t_maxDegreeOverride : s_maxDegreeOfParallelism;
        return (int)Math.Max(1, Math.Min(Math.Min(threads, maxParts), byWork));
    }
}
