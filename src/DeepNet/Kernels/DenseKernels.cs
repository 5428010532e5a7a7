using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DeepNet.Kernels;

/// <summary>
/// The linear parts of a dense layer, on row-major matrices with examples as columns.
/// Shapes are the caller's contract (generated code passes constants); spans are sliced to them once per call.
/// </summary>
/// <remarks>
/// The products run on register-blocked SIMD micro-kernels (512-, 256- or 128-bit, whichever the CPU accelerates;
/// scalar loops otherwise) in one of two forms: the outer-product form (<see cref="BroadcastProduct"/>) when the
/// right operand's rows are contiguous, and the dot-product form (<see cref="DotProduct"/>) when both operands are
/// contiguous along the reduction. A single example (m = 1) is a matrix-vector product, and products of a few hundred
/// multiply-adds are plain loops. Large products are split across cores (see <see cref="MaxDegreeOfParallelism"/>);
/// results are bit-for-bit the same for any number of threads. Nothing is allocated per call once a thread has run
/// a shape.
/// </remarks>
public static class DenseKernels
{
    /// <summary>
    /// Below this many row panels of dZ, dW uses the dot-product form: transposing each panel of A for the outer-product
    /// form pays off only when enough row panels share it (measured: 4 panels of 12 rows on AVX-512).
    /// </summary>
    private const int DotRowLimit = 4;

    /// <summary>
    /// The most threads one product may use (default: <see cref="Environment.ProcessorCount"/>); 1 keeps every product
    /// on the calling thread. Only products of about a million operations or more are split, and the results do not
    /// depend on this setting.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public static int MaxDegreeOfParallelism
    {
        get => ParallelPolicy.MaxDegreeOfParallelism;
        set => ParallelPolicy.MaxDegreeOfParallelism = value;
    }

    /// <summary>Z = W·A + b: (n × nPrev)·(nPrev × m) + (n × 1) broadcast over the m columns.</summary>
    public static unsafe void LinearForward<T>(ReadOnlySpan<T> W, ReadOnlySpan<T> b, ReadOnlySpan<T> A, Span<T> Z, int n, int nPrev, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        W = W[..(n * nPrev)];
        b = b[..n];
        A = A[..(nPrev * m)];
        Z = Z[..(n * m)];
        fixed (T* w = W, bias = b, a = A, z = Z)
        {
            if (IsSmall(n, nPrev, m))
            {
                SmallProducts.LinearForward(w, bias, a, z, n, nPrev, m);
                return;
            }
            if (m < Lanes<T>())
            {
                // Fewer examples than vector lanes (a single example above all): each Z[i, j] is the dot product of
                // W's row i with example j, read from Aᵀ (A itself when m = 1).
                T* examples = m == 1 ? a : Transposed(a, nPrev, m);
                DotProduct.Run(new DotProblem<T>
                {
                    M = n, N = m, K = nPrev,
                    P = w, Ldp = nPrev,
                    Q = examples, Ldq = nPrev,
                    C = z, Ldc = m,
                    Scale = T.One, Bias = bias,
                });
                return;
            }
            BroadcastProduct.Run(new BroadcastProblem<T>
            {
                M = n, N = m, K = nPrev,
                A = w, ARowStride = nPrev, AColumnStride = 1, AScale = T.One,
                B = a, Ldb = m,
                C = z, Ldc = m,
                Bias = bias,
            });
        }
    }

    /// <summary>dW = scale·dZ·Aᵀ: (n × m)·(m × nPrev), with scale = 1/m in the course.</summary>
    public static unsafe void WeightGradient<T>(ReadOnlySpan<T> dZ, ReadOnlySpan<T> A, Span<T> dW, int n, int nPrev, int m, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        dZ = dZ[..(n * m)];
        A = A[..(nPrev * m)];
        dW = dW[..(n * nPrev)];
        fixed (T* dz = dZ, a = A, dw = dW)
        {
            if (IsSmall(n, nPrev, m))
            {
                SmallProducts.WeightGradient(dz, a, dw, n, nPrev, m, scale);
                return;
            }
            VectorWidth width = VectorWidths.Select<T>();
            if (m >= VectorWidths.Lanes<T>(width) && n < DotRowLimit * VectorWidths.BroadcastRows(width))
            {
                // Few rows: dW[i, k] is the dot product of dZ's row i with A's row k, both running over the m
                // examples, so A (the large operand, X in layer 1) is read exactly once.
                DotProduct.Run(new DotProblem<T>
                {
                    M = n, N = nPrev, K = m,
                    P = dz, Ldp = m,
                    Q = a, Ldq = m,
                    C = dw, Ldc = nPrev,
                    Scale = scale,
                });
                return;
            }
            // Many rows, or fewer examples than vector lanes: the outer-product form with B = Aᵀ, each panel of Aᵀ
            // transposed once into L1 and shared by every row panel of scale·dZ.
            BroadcastProduct.Run(new BroadcastProblem<T>
            {
                M = n, N = nPrev, K = m,
                A = dz, ARowStride = m, AColumnStride = 1, AScale = scale,
                B = a, Ldb = m, BTransposed = true,
                C = dw, Ldc = nPrev,
            });
        }
    }

    /// <summary>db = scale·Σ dZ over the m examples (columns): (n × 1).</summary>
    public static void BiasGradient<T>(ReadOnlySpan<T> dZ, Span<T> db, int n, int m, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        dZ = dZ[..(n * m)];
        db = db[..n];
        if (m == 1)
        {
            TensorPrimitives.Multiply(dZ, scale, db);
            return;
        }
        for (int i = 0; i < n; i++)
            db[i] = scale * TensorPrimitives.Sum(dZ.Slice(i * m, m));
    }

    /// <summary>dAPrev = Wᵀ·dZ: (nPrev × n)·(n × m).</summary>
    public static unsafe void InputGradient<T>(ReadOnlySpan<T> W, ReadOnlySpan<T> dZ, Span<T> dAPrev, int n, int nPrev, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        W = W[..(n * nPrev)];
        dZ = dZ[..(n * m)];
        dAPrev = dAPrev[..(nPrev * m)];
        fixed (T* w = W, dz = dZ, da = dAPrev)
        {
            if (IsSmall(n, nPrev, m))
            {
                SmallProducts.InputGradient(w, dz, da, n, nPrev, m);
                return;
            }
            if (m >= Lanes<T>())
            {
                // Wᵀ is read in place: its row i is W's column i.
                BroadcastProduct.Run(new BroadcastProblem<T>
                {
                    M = nPrev, N = m, K = n,
                    A = w, ARowStride = 1, AColumnStride = nPrev, AScale = T.One,
                    B = dz, Ldb = m,
                    C = da, Ldc = m,
                });
                return;
            }
            // Fewer examples than vector lanes: dAPrevᵀ (m × nPrev) = dZᵀ·W, with W's rows as the vectors, then
            // transposed into place (no transpose when m = 1).
            T* transposed = m == 1 ? da : KernelScratch<T>.Transposed(m * nPrev);
            BroadcastProduct.Run(new BroadcastProblem<T>
            {
                M = m, N = nPrev, K = n,
                A = dz, ARowStride = 1, AColumnStride = m, AScale = T.One,
                B = w, Ldb = nPrev,
                C = transposed, Ldc = nPrev,
            });
            if (m > 1)
                Transpose(transposed, m, nPrev, da);
        }
    }

    /// <summary>True when a product is small enough for <see cref="SmallProducts"/>, unless a test pinned a vector width.</summary>
    private static bool IsSmall(int n, int nPrev, int m) =>
        (long)n * nPrev * m <= SmallProducts.MaxMultiplyAdds && VectorWidths.ThreadOverride is null;

    /// <summary>Vector lanes of <typeparamref name="T"/> the products run with on this thread (1 without SIMD).</summary>
    private static int Lanes<T>() where T : unmanaged, IFloatingPointIeee754<T> => VectorWidths.Lanes<T>(VectorWidths.Select<T>());

    /// <summary><paramref name="source"/> (rows × columns) transposed into this thread's scratch (columns × rows).</summary>
    private static unsafe T* Transposed<T>(T* source, int rows, int columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* destination = KernelScratch<T>.Transposed(rows * columns);
        Transpose(source, rows, columns, destination);
        return destination;
    }

    private static unsafe void Transpose<T>(T* source, int rows, int columns, T* destination) where T : unmanaged
    {
        for (int r = 0; r < rows; r++)
        {
            T* row = source + (nint)r * columns;
            for (int c = 0; c < columns; c++)
                destination[(nint)c * rows + r] = row[c];
        }
    }
}
