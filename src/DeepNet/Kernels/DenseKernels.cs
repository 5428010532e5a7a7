using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DeepNet.Kernels;

/// <summary>
/// The linear parts of a dense layer, on row-major matrices with examples as columns.
/// Shapes are the caller's contract (generated code passes constants); spans are sliced to them once per call.
/// </summary>
public static class DenseKernels
{
    /// <summary>Z = W·A + b: (n × nPrev)·(nPrev × m) + (n × 1) broadcast over the m columns.</summary>
    public static void LinearForward<T>(ReadOnlySpan<T> W, ReadOnlySpan<T> b, ReadOnlySpan<T> A, Span<T> Z, int n, int nPrev, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        W = W[..(n * nPrev)];
        b = b[..n];
        A = A[..(nPrev * m)];
        Z = Z[..(n * m)];
        if (m == 1)
        {
            for (int i = 0; i < n; i++)
                Z[i] = b[i] + TensorPrimitives.Dot(W.Slice(i * nPrev, nPrev), A);
            return;
        }
        for (int i = 0; i < n; i++)
        {
            Span<T> zRow = Z.Slice(i * m, m);
            zRow.Fill(b[i]);
            ReadOnlySpan<T> wRow = W.Slice(i * nPrev, nPrev);
            for (int k = 0; k < nPrev; k++)
                TensorPrimitives.MultiplyAdd(A.Slice(k * m, m), wRow[k], zRow, zRow);
        }
    }

    /// <summary>dW = scale·dZ·Aᵀ: (n × m)·(m × nPrev), with scale = 1/m in the course.</summary>
    public static void WeightGradient<T>(ReadOnlySpan<T> dZ, ReadOnlySpan<T> A, Span<T> dW, int n, int nPrev, int m, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        dZ = dZ[..(n * m)];
        A = A[..(nPrev * m)];
        dW = dW[..(n * nPrev)];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<T> dzRow = dZ.Slice(i * m, m);
            Span<T> dwRow = dW.Slice(i * nPrev, nPrev);
            for (int k = 0; k < nPrev; k++)
                dwRow[k] = scale * TensorPrimitives.Dot(dzRow, A.Slice(k * m, m));
        }
    }

    /// <summary>db = scale·Σ dZ over the m examples (columns): (n × 1).</summary>
    public static void BiasGradient<T>(ReadOnlySpan<T> dZ, Span<T> db, int n, int m, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        dZ = dZ[..(n * m)];
        db = db[..n];
        for (int i = 0; i < n; i++)
            db[i] = scale * TensorPrimitives.Sum(dZ.Slice(i * m, m));
    }

    /// <summary>dAPrev = Wᵀ·dZ: (nPrev × n)·(n × m).</summary>
    public static void InputGradient<T>(ReadOnlySpan<T> W, ReadOnlySpan<T> dZ, Span<T> dAPrev, int n, int nPrev, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        W = W[..(n * nPrev)];
        dZ = dZ[..(n * m)];
        dAPrev = dAPrev[..(nPrev * m)];
        dAPrev.Clear();
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<T> wRow = W.Slice(i * nPrev, nPrev);
            ReadOnlySpan<T> dzRow = dZ.Slice(i * m, m);
            if (m == 1)
            {
                TensorPrimitives.MultiplyAdd(wRow, dzRow[0], dAPrev, dAPrev);
                continue;
            }
            for (int k = 0; k < nPrev; k++)
            {
                Span<T> outRow = dAPrev.Slice(k * m, m);
                TensorPrimitives.MultiplyAdd(dzRow, wRow[k], outRow, outRow);
            }
        }
    }
}
