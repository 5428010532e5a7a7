using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using DeepNet.Kernels;

namespace DeepNet.Tests;

/// <summary>
/// DenseKernels against naive triple loops computed in double, for every shape class the blocked kernels treat
/// differently (single example, fewer examples than vector lanes, partial tiles, long reductions, the course's shapes),
/// in float and double, on every vector width this CPU accelerates; plus thread-count determinism and allocation.
/// Errors are measured against Σ|terms| of each dot product, the scale that bounds rounding error.
/// </summary>
public class DenseKernelsTests
{
    private const double DoubleTolerance = 1e-12;
    private const double FloatTolerance = 1e-4;

    /// <summary>(n, nPrev, m): rows of W, columns of W (the reduction of the forward product), examples.</summary>
    private static readonly (int N, int NPrev, int M)[] Shapes =
    [
        (1, 1, 1), (1, 1, 2), (2, 1, 1), (1, 2, 1), (1, 1, 9),
        (5, 4, 1), (4, 3, 1), (3, 1, 1), (1, 3, 1),              // the tiny course networks, one example
        (3, 5, 2), (7, 3, 3), (4, 9, 5), (11, 6, 7),             // fewer examples than 512-bit lanes
        (3, 17, 8), (13, 7, 15), (2, 19, 16), (9, 33, 17),        // around one and two vectors of examples
        (12, 24, 16), (24, 16, 32), (13, 25, 33), (25, 13, 47),   // whole and partial tiles
        (31, 37, 41), (37, 41, 43), (7, 61, 53),                  // primes
        (20, 7, 209), (7, 5, 209), (5, 1, 209), (1, 5, 209),      // the course application's small layers
        (3, 1031, 5), (3, 1031, 19), (5, 9, 1100), (2, 600, 1025), // reductions longer than one block
        (1, 128, 128), (128, 256, 128), (64, 600, 1), (53, 29, 37), (97, 11, 9), (49, 300, 2),
    ];

    /// <summary>0 (the automatic choice, with plain loops for the smallest products), then every width this CPU accelerates, pinned.</summary>
    public static IEnumerable<object[]> Widths() =>
        new[] { VectorWidth.Scalar, VectorWidth.Bits128, VectorWidth.Bits256, VectorWidth.Bits512 }
            .Where(VectorWidths.IsSupported<double>)
            .Select(width => (int)width)
            .Prepend(0)
            .Select(width => new object[] { width });

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_kernel_matches_naive_loops_in_double(int width)
    {
        using var pin = Pin(width, threads: 1);
        foreach (var (n, nPrev, m) in Shapes)
            CheckAllKernels<double>(n, nPrev, m, DoubleTolerance, seed: n * 1000 + nPrev * 10 + m);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_kernel_matches_naive_loops_in_float(int width)
    {
        using var pin = Pin(width, threads: 1);
        foreach (var (n, nPrev, m) in Shapes)
            CheckAllKernels<float>(n, nPrev, m, FloatTolerance, seed: n * 1000 + nPrev * 10 + m);
    }

    [Theory]
    [InlineData(20, 12288, 209)] // the course application's first layer
    [InlineData(256, 784, 128)]  // the mid-size benchmark's first layer
    [InlineData(20, 12288, 1)]
    public void Large_layers_match_naive_loops_with_the_default_width_and_threads(int n, int nPrev, int m)
    {
        CheckAllKernels<double>(n, nPrev, m, DoubleTolerance, seed: 7);
        CheckAllKernels<float>(n, nPrev, m, FloatTolerance, seed: 8);
    }

    [Theory]
    [InlineData(20, 12288, 209)]
    [InlineData(256, 784, 128)]
    [InlineData(128, 256, 128)]
    [InlineData(37, 301, 45)]
    [InlineData(301, 37, 45)]
    [InlineData(45, 37, 301)]
    [InlineData(13, 29, 1)]
    [InlineData(29, 13, 3)]
    [InlineData(5, 9, 1100)]
    public void Results_are_bitwise_identical_for_any_number_of_threads(int n, int nPrev, int m)
    {
        AssertSameBitsForAnyThreadCount<double>(n, nPrev, m);
        AssertSameBitsForAnyThreadCount<float>(n, nPrev, m);
    }

    [Fact]
    public void Products_allocate_nothing_after_the_first_call_on_a_thread()
    {
        foreach (int threads in new[] { 1, 2 })
        {
            using var pin = Pin(width: 0, threads, minimumFlopsPerPart: threads == 1 ? null : 1);
            foreach (var (n, nPrev, m) in new[] { (20, 300, 209), (256, 78, 128), (5, 4, 1), (7, 30, 3) })
            {
                AssertNoAllocation<double>(n, nPrev, m);
                AssertNoAllocation<float>(n, nPrev, m);
            }
        }
    }

    [Fact]
    public void A_partial_last_vector_does_not_count_masked_infinities_twice()
    {
        // m = 9 examples: the dot form's last vector overlaps the first one, and the overlapped lanes hold +∞.
        // Counted once, dW = dZ·∞ = +∞; multiplying a masked ∞ by a masked dZ instead of zero would give NaN.
        const int n = 2, nPrev = 3, m = 9;
        double[] dZ = Enumerable.Range(1, n * m).Select(v => (double)v).ToArray();
        double[] A = new double[nPrev * m];
        A[3] = double.PositiveInfinity;
        double[] dW = new double[n * nPrev];
        DenseKernels.WeightGradient<double>(dZ, A, dW, n, nPrev, m, 1.0 / m);
        Assert.Equal(double.PositiveInfinity, dW[0]);
        Assert.Equal(double.PositiveInfinity, dW[nPrev]);
        Assert.Equal(0.0, dW[1]);
    }

    [Fact]
    public void Spans_shorter_than_the_shapes_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DenseKernels.LinearForward<double>(new double[5], new double[1], new double[6], new double[2], 1, 6, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DenseKernels.WeightGradient<double>(new double[4], new double[8], new double[3], 2, 4, 2, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DenseKernels.InputGradient<double>(new double[8], new double[4], new double[7], 2, 4, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DenseKernels.BiasGradient<double>(new double[3], new double[2], 2, 2, 0.5));
    }

    [Fact]
    public void MaxDegreeOfParallelism_is_at_least_one()
    {
        Assert.True(DenseKernels.MaxDegreeOfParallelism >= 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => DenseKernels.MaxDegreeOfParallelism = 0);
    }

    private static void CheckAllKernels<T>(int n, int nPrev, int m, double tolerance, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        T[] W = RandomMatrix<T>(random, n * nPrev);
        T[] b = RandomMatrix<T>(random, n);
        T[] A = RandomMatrix<T>(random, nPrev * m);
        T[] dZ = RandomMatrix<T>(random, n * m);
        double scale = 1.0 / m;
        string shape = $"{typeof(T).Name} n={n} nPrev={nPrev} m={m} width={VectorWidths.ThreadOverride?.ToString() ?? "automatic"}";

        // Z = W·A + b
        T[] Z = Filled<T>(n * m);
        DenseKernels.LinearForward<T>(W, b, A, Z, n, nPrev, m);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double sum = D(b[i]), magnitude = Math.Abs(D(b[i]));
                for (int k = 0; k < nPrev; k++)
                {
                    double term = D(W[i * nPrev + k]) * D(A[k * m + j]);
                    sum += term;
                    magnitude += Math.Abs(term);
                }
                AssertClose(sum, D(Z[i * m + j]), magnitude, tolerance, $"Z[{i},{j}] {shape}");
            }
        }

        // dW = scale·dZ·Aᵀ
        T[] dW = Filled<T>(n * nPrev);
        DenseKernels.WeightGradient<T>(dZ, A, dW, n, nPrev, m, T.CreateTruncating(scale));
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < nPrev; k++)
            {
                double sum = 0, magnitude = 0;
                for (int j = 0; j < m; j++)
                {
                    double term = D(dZ[i * m + j]) * D(A[k * m + j]);
                    sum += term;
                    magnitude += Math.Abs(term);
                }
                AssertClose(scale * sum, D(dW[i * nPrev + k]), scale * magnitude, tolerance, $"dW[{i},{k}] {shape}");
            }
        }

        // dAPrev = Wᵀ·dZ
        T[] dAPrev = Filled<T>(nPrev * m);
        DenseKernels.InputGradient<T>(W, dZ, dAPrev, n, nPrev, m);
        for (int k = 0; k < nPrev; k++)
        {
            for (int j = 0; j < m; j++)
            {
                double sum = 0, magnitude = 0;
                for (int i = 0; i < n; i++)
                {
                    double term = D(W[i * nPrev + k]) * D(dZ[i * m + j]);
                    sum += term;
                    magnitude += Math.Abs(term);
                }
                AssertClose(sum, D(dAPrev[k * m + j]), magnitude, tolerance, $"dAPrev[{k},{j}] {shape}");
            }
        }

        // db = scale·Σ dZ over examples
        T[] db = Filled<T>(n);
        DenseKernels.BiasGradient<T>(dZ, db, n, m, T.CreateTruncating(scale));
        for (int i = 0; i < n; i++)
        {
            double sum = 0, magnitude = 0;
            for (int j = 0; j < m; j++)
            {
                sum += D(dZ[i * m + j]);
                magnitude += Math.Abs(D(dZ[i * m + j]));
            }
            AssertClose(scale * sum, D(db[i]), scale * magnitude, tolerance, $"db[{i}] {shape}");
        }

        // Random non-zero operands give non-zero products: a kernel that wrote nothing would fail above, not pass.
        Assert.Contains(Z, v => v != T.Zero);
        Assert.Contains(dW, v => v != T.Zero);
        Assert.Contains(dAPrev, v => v != T.Zero);
    }

    private static void AssertSameBitsForAnyThreadCount<T>(int n, int nPrev, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(n + nPrev + m);
        T[] W = RandomMatrix<T>(random, n * nPrev);
        T[] b = RandomMatrix<T>(random, n);
        T[] A = RandomMatrix<T>(random, nPrev * m);
        T[] dZ = RandomMatrix<T>(random, n * m);
        T scale = T.One / T.CreateTruncating(m);

        (T[] Z, T[] dW, T[] dA) Run(int threads)
        {
            // Every product is split, however small, into as many parts as there are threads.
            using var pin = Pin(width: 0, threads, minimumFlopsPerPart: 1);
            var result = (new T[n * m], new T[n * nPrev], new T[nPrev * m]);
            DenseKernels.LinearForward<T>(W, b, A, result.Item1, n, nPrev, m);
            DenseKernels.WeightGradient<T>(dZ, A, result.Item2, n, nPrev, m, scale);
            DenseKernels.InputGradient<T>(W, dZ, result.Item3, n, nPrev, m);
            return result;
        }

        var single = Run(1);
        foreach (int threads in new[] { 2, 3, 4 })
        {
            var split = Run(threads);
            Assert.True(single.Z.AsSpan().SequenceEqual(split.Z), $"Z differs with {threads} threads ({typeof(T).Name} {n}×{nPrev}×{m}).");
            Assert.True(single.dW.AsSpan().SequenceEqual(split.dW), $"dW differs with {threads} threads ({typeof(T).Name} {n}×{nPrev}×{m}).");
            Assert.True(single.dA.AsSpan().SequenceEqual(split.dA), $"dAPrev differs with {threads} threads ({typeof(T).Name} {n}×{nPrev}×{m}).");
        }
        Assert.Contains(single.Z, v => v != T.Zero);
    }

    private static void AssertNoAllocation<T>(int n, int nPrev, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] W = new T[n * nPrev], b = new T[n], A = new T[nPrev * m], Z = new T[n * m];
        T[] dZ = new T[n * m], dW = new T[n * nPrev], db = new T[n], dA = new T[nPrev * m];
        T scale = T.One / T.CreateTruncating(m);

        void Step()
        {
            DenseKernels.LinearForward<T>(W, b, A, Z, n, nPrev, m);
            DenseKernels.WeightGradient<T>(dZ, A, dW, n, nPrev, m, scale);
            DenseKernels.BiasGradient<T>(dZ, db, n, m, scale);
            DenseKernels.InputGradient<T>(W, dZ, dA, n, nPrev, m);
        }

        Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
            Step();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated by 10 steps of {typeof(T).Name} {n}×{nPrev}×{m}.");
    }

    private static void AssertClose(double expected, double actual, double magnitude, double tolerance, string what)
    {
        double error = Math.Abs(actual - expected);
        double bound = tolerance * magnitude + double.Epsilon;
        Assert.True(error <= bound, $"{what}: expected {expected:R}, got {actual:R}; error {error:E3} exceeds {tolerance:E0} × Σ|terms| {magnitude:E3}.");
    }

    private static T[] RandomMatrix<T>(Random random, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
            values[i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
        return values;
    }

    /// <summary>An output buffer filled with NaN, so that any element a kernel fails to write shows.</summary>
    private static T[] Filled<T>(int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[length];
        values.AsSpan().Fill(T.NaN);
        return values;
    }

    private static double D<T>(T value) where T : unmanaged, IFloatingPointIeee754<T> => double.CreateTruncating(value);

    /// <summary>Pins the vector width (0: automatic) and thread settings for kernels called from this thread, until disposed.</summary>
    private static Pinned Pin(int width, int threads, long? minimumFlopsPerPart = null)
    {
        VectorWidths.ThreadOverride = width == 0 ? null : (VectorWidth)width;
        ParallelPolicy.ThreadMaxDegreeOverride = threads;
        ParallelPolicy.ThreadMinimumFlopsOverride = minimumFlopsPerPart;
        return new Pinned();
    }

    private readonly struct Pinned : IDisposable
    {
        public void Dispose()
        {
            VectorWidths.ThreadOverride = null;
            ParallelPolicy.ThreadMaxDegreeOverride = null;
            ParallelPolicy.ThreadMinimumFlopsOverride = null;
        }
    }
}
