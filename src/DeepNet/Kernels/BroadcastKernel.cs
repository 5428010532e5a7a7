using System.Numerics;
using System.Runtime.CompilerServices;

namespace DeepNet.Kernels;

/// <summary>How a micro-kernel's accumulators start.</summary>
internal enum TileStart
{
    /// <summary>From zero.</summary>
    Zero,

    /// <summary>From the row's bias, broadcast along the row.</summary>
    Bias,

    /// <summary>From the values already in C (a later block of the reduction).</summary>
    Accumulate,
}

/// <summary>
/// The register-blocked micro-kernel of the outer-product (broadcast) form of C = A·B: a tile of <c>TRows</c> rows ×
/// 2 vectors of C (<c>cRL</c> and <c>cRH</c> for row R) stays in registers while k runs; each step broadcasts one A
/// value per row and multiplies it with two vectors of B's row k. Each element is the fused chain
/// c = fma(a[i,k], b[k,j], c) for k in order, so its value does not depend on the tile it falls in.
/// </summary>
internal static unsafe class BroadcastKernel
{
    /// <summary>
    /// C[r, 0 … 2·Count) (+)= Σₖ a[k·lda + r] · B[k, 0 … 2·Count) for r &lt; TRows and k &lt; kc.
    /// </summary>
    /// <param name="a">A's panel: for each k, TRows contiguous values (packed, or Wᵀ read in place).</param>
    /// <param name="lda">Distance between the groups of successive k: TRows when packed.</param>
    /// <param name="b">B's row k starts at b + k·ldb; 2·Count values are read from each row.</param>
    /// <param name="ldb">Distance between B's rows.</param>
    /// <param name="c">C's tile; row r starts at c + r·ldc.</param>
    /// <param name="ldc">Distance between C's rows.</param>
    /// <param name="kc">Length of the reduction block.</param>
    /// <param name="start">How the accumulators start.</param>
    /// <param name="bias">The tile's first row bias when <paramref name="start"/> is <see cref="TileStart.Bias"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<T, TVector, TSimd, TRows>(T* a, nint lda, T* b, nint ldb, T* c, nint ldc, nint kc,
        TileStart start, T* bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
        where TRows : IRowCount
    {
        nint n = TSimd.Count;
        TVector c0L = TSimd.Zero, c0H = TSimd.Zero;
        TVector c1L = TSimd.Zero, c1H = TSimd.Zero;
        TVector c2L = TSimd.Zero, c2H = TSimd.Zero;
        TVector c3L = TSimd.Zero, c3H = TSimd.Zero;
        TVector c4L = TSimd.Zero, c4H = TSimd.Zero;
        TVector c5L = TSimd.Zero, c5H = TSimd.Zero;
        TVector c6L = TSimd.Zero, c6H = TSimd.Zero;
        TVector c7L = TSimd.Zero, c7H = TSimd.Zero;
        TVector c8L = TSimd.Zero, c8H = TSimd.Zero;
        TVector c9L = TSimd.Zero, c9H = TSimd.Zero;
        TVector c10L = TSimd.Zero, c10H = TSimd.Zero;
        TVector c11L = TSimd.Zero, c11H = TSimd.Zero;
        if (start == TileStart.Accumulate)
        {
            c0L = TSimd.Load(c);
            c0H = TSimd.Load(c + n);
            if (TRows.Value > 1)
            {
                c1L = TSimd.Load(c + 1 * ldc);
                c1H = TSimd.Load(c + 1 * ldc + n);
            }
            if (TRows.Value > 2)
            {
                c2L = TSimd.Load(c + 2 * ldc);
                c2H = TSimd.Load(c + 2 * ldc + n);
            }
            if (TRows.Value > 3)
            {
                c3L = TSimd.Load(c + 3 * ldc);
                c3H = TSimd.Load(c + 3 * ldc + n);
            }
            if (TRows.Value > 4)
            {
                c4L = TSimd.Load(c + 4 * ldc);
                c4H = TSimd.Load(c + 4 * ldc + n);
            }
            if (TRows.Value > 5)
            {
                c5L = TSimd.Load(c + 5 * ldc);
                c5H = TSimd.Load(c + 5 * ldc + n);
            }
            if (TRows.Value > 6)
            {
                c6L = TSimd.Load(c + 6 * ldc);
                c6H = TSimd.Load(c + 6 * ldc + n);
            }
            if (TRows.Value > 7)
            {
                c7L = TSimd.Load(c + 7 * ldc);
                c7H = TSimd.Load(c + 7 * ldc + n);
            }
            if (TRows.Value > 8)
            {
                c8L = TSimd.Load(c + 8 * ldc);
                c8H = TSimd.Load(c + 8 * ldc + n);
            }
            if (TRows.Value > 9)
            {
                c9L = TSimd.Load(c + 9 * ldc);
                c9H = TSimd.Load(c + 9 * ldc + n);
            }
            if (TRows.Value > 10)
            {
                c10L = TSimd.Load(c + 10 * ldc);
                c10H = TSimd.Load(c + 10 * ldc + n);
            }
            if (TRows.Value > 11)
            {
                c11L = TSimd.Load(c + 11 * ldc);
                c11H = TSimd.Load(c + 11 * ldc + n);
            }
        }
        else if (start == TileStart.Bias)
        {
            c0L = c0H = TSimd.Broadcast(bias[0]);
            if (TRows.Value > 1)
                c1L = c1H = TSimd.Broadcast(bias[1]);
            if (TRows.Value > 2)
                c2L = c2H = TSimd.Broadcast(bias[2]);
            if (TRows.Value > 3)
                c3L = c3H = TSimd.Broadcast(bias[3]);
            if (TRows.Value > 4)
                c4L = c4H = TSimd.Broadcast(bias[4]);
            if (TRows.Value > 5)
                c5L = c5H = TSimd.Broadcast(bias[5]);
            if (TRows.Value > 6)
                c6L = c6H = TSimd.Broadcast(bias[6]);
            if (TRows.Value > 7)
                c7L = c7H = TSimd.Broadcast(bias[7]);
            if (TRows.Value > 8)
                c8L = c8H = TSimd.Broadcast(bias[8]);
            if (TRows.Value > 9)
                c9L = c9H = TSimd.Broadcast(bias[9]);
            if (TRows.Value > 10)
                c10L = c10H = TSimd.Broadcast(bias[10]);
            if (TRows.Value > 11)
                c11L = c11H = TSimd.Broadcast(bias[11]);
        }

        for (nint k = 0; k < kc; k++)
        {
            TVector bL = TSimd.Load(b), bH = TSimd.Load(b + n);
            TVector ar = TSimd.Broadcast(a[0]);
            c0L = TSimd.MultiplyAdd(ar, bL, c0L);
            c0H = TSimd.MultiplyAdd(ar, bH, c0H);
            if (TRows.Value > 1)
            {
                ar = TSimd.Broadcast(a[1]);
                c1L = TSimd.MultiplyAdd(ar, bL, c1L);
                c1H = TSimd.MultiplyAdd(ar, bH, c1H);
            }
            if (TRows.Value > 2)
            {
                ar = TSimd.Broadcast(a[2]);
                c2L = TSimd.MultiplyAdd(ar, bL, c2L);
                c2H = TSimd.MultiplyAdd(ar, bH, c2H);
            }
            if (TRows.Value > 3)
            {
                ar = TSimd.Broadcast(a[3]);
                c3L = TSimd.MultiplyAdd(ar, bL, c3L);
                c3H = TSimd.MultiplyAdd(ar, bH, c3H);
            }
            if (TRows.Value > 4)
            {
                ar = TSimd.Broadcast(a[4]);
                c4L = TSimd.MultiplyAdd(ar, bL, c4L);
                c4H = TSimd.MultiplyAdd(ar, bH, c4H);
            }
            if (TRows.Value > 5)
            {
                ar = TSimd.Broadcast(a[5]);
                c5L = TSimd.MultiplyAdd(ar, bL, c5L);
                c5H = TSimd.MultiplyAdd(ar, bH, c5H);
            }
            if (TRows.Value > 6)
            {
                ar = TSimd.Broadcast(a[6]);
                c6L = TSimd.MultiplyAdd(ar, bL, c6L);
                c6H = TSimd.MultiplyAdd(ar, bH, c6H);
            }
            if (TRows.Value > 7)
            {
                ar = TSimd.Broadcast(a[7]);
                c7L = TSimd.MultiplyAdd(ar, bL, c7L);
                c7H = TSimd.MultiplyAdd(ar, bH, c7H);
            }
            if (TRows.Value > 8)
            {
                ar = TSimd.Broadcast(a[8]);
                c8L = TSimd.MultiplyAdd(ar, bL, c8L);
                c8H = TSimd.MultiplyAdd(ar, bH, c8H);
            }
            if (TRows.Value > 9)
            {
                ar = TSimd.Broadcast(a[9]);
                c9L = TSimd.MultiplyAdd(ar, bL, c9L);
                c9H = TSimd.MultiplyAdd(ar, bH, c9H);
            }
            if (TRows.Value > 10)
            {
                ar = TSimd.Broadcast(a[10]);
                c10L = TSimd.MultiplyAdd(ar, bL, c10L);
                c10H = TSimd.MultiplyAdd(ar, bH, c10H);
            }
            if (TRows.Value > 11)
            {
                ar = TSimd.Broadcast(a[11]);
                c11L = TSimd.MultiplyAdd(ar, bL, c11L);
                c11H = TSimd.MultiplyAdd(ar, bH, c11H);
            }
            a += lda;
            b += ldb;
        }

        TSimd.Store(c, c0L);
        TSimd.Store(c + n, c0H);
        if (TRows.Value > 1)
        {
            TSimd.Store(c + 1 * ldc, c1L);
            TSimd.Store(c + 1 * ldc + n, c1H);
        }
        if (TRows.Value > 2)
        {
            TSimd.Store(c + 2 * ldc, c2L);
            TSimd.Store(c + 2 * ldc + n, c2H);
        }
        if (TRows.Value > 3)
        {
            TSimd.Store(c + 3 * ldc, c3L);
            TSimd.Store(c + 3 * ldc + n, c3H);
        }
        if (TRows.Value > 4)
        {
            TSimd.Store(c + 4 * ldc, c4L);
            TSimd.Store(c + 4 * ldc + n, c4H);
        }
        if (TRows.Value > 5)
        {
            TSimd.Store(c + 5 * ldc, c5L);
            TSimd.Store(c + 5 * ldc + n, c5H);
        }
        if (TRows.Value > 6)
        {
            TSimd.Store(c + 6 * ldc, c6L);
            TSimd.Store(c + 6 * ldc + n, c6H);
        }
        if (TRows.Value > 7)
        {
            TSimd.Store(c + 7 * ldc, c7L);
            TSimd.Store(c + 7 * ldc + n, c7H);
        }
        if (TRows.Value > 8)
        {
            TSimd.Store(c + 8 * ldc, c8L);
            TSimd.Store(c + 8 * ldc + n, c8H);
        }
        if (TRows.Value > 9)
        {
            TSimd.Store(c + 9 * ldc, c9L);
            TSimd.Store(c + 9 * ldc + n, c9H);
        }
        if (TRows.Value > 10)
        {
            TSimd.Store(c + 10 * ldc, c10L);
            TSimd.Store(c + 10 * ldc + n, c10H);
        }
        if (TRows.Value > 11)
        {
            TSimd.Store(c + 11 * ldc, c11L);
            TSimd.Store(c + 11 * ldc + n, c11H);
        }
    }

    /// <summary><see cref="Tile{T, TVector, TSimd, TRows}"/> for a tile of <paramref name="rows"/> rows (1 … 12).</summary>
    public static void Tile<T, TVector, TSimd>(int rows, T* a, nint lda, T* b, nint ldb, T* c, nint ldc, nint kc,
        TileStart start, T* bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
    {
        switch (rows)
        {
            case 1:
                Tile<T, TVector, TSimd, Rows1>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            case 2:
                Tile<T, TVector, TSimd, Rows2>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            case 3:
                Tile<T, TVector, TSimd, Rows3>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            case 4:
                Tile<T, TVector, TSimd, Rows4>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            case 5:
                Tile<T, TVector, TSimd, Rows5>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            case 6:
                Tile<T, TVector, TSimd, Rows6>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            case 7:
                Tile<T, TVector, TSimd, Rows7>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            case 8:
                Tile<T, TVector, TSimd, Rows8>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            case 9:
                Tile<T, TVector, TSimd, Rows9>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            case 10:
                Tile<T, TVector, TSimd, Rows10>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            case 11:
                Tile<T, TVector, TSimd, Rows11>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            case 12:
                Tile<T, TVector, TSimd, Rows12>(a, lda, b, ldb, c, ldc, kc, start, bias);
                break;
            default:
                throw new System.ArgumentOutOfRangeException(nameof(rows), rows, "A tile has 1 to 12 rows.");
        }
    }
}
