using System.Numerics;
using System.Runtime.CompilerServices;

namespace DeepNet.Kernels;

/// <summary>
/// The register-blocked micro-kernels of the dot-product form C = scale·P·Qᵀ (+ bias), where P's and Q's rows are
/// contiguous along the reduction: each element is a vector dot product, reduced across lanes once per block.
/// A block shorter than a whole number of vectors ends with one overlapping vector whose already-counted lanes are
/// masked to zero in both operands. Blocks hold at least one vector (<c>kLen ≥ Count</c>).
/// </summary>
internal static unsafe class DotKernel
{
    /// <summary>Columns of C per <see cref="Tile{T, TVector, TSimd, TRows}"/>: one vector of sums for eight rows of Q.</summary>
    public const int TileColumns = 8;

    /// <summary>Most rows of P per <see cref="Column{T, TVector, TSimd, TRows}"/>.</summary>
    public const int ColumnRows = 8;

    /// <summary>
    /// C[r, j] for r &lt; TRows (at most 3) and j &lt; 8: the dot products of P's rows r (p + r·ldp) with Q's rows j
    /// (q + j·ldq) over <paramref name="kLen"/> values, then <see cref="Finish{T}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<T, TVector, TSimd, TRows>(T* p, nint ldp, T* q, nint ldq, T* c, nint ldc, nint kLen,
        bool accumulate, bool finish, T scale, T* bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
        where TRows : IRowCount
    {
        nint n = TSimd.Count;
        TVector a00 = TSimd.Zero, a01 = TSimd.Zero, a02 = TSimd.Zero, a03 = TSimd.Zero;
        TVector a04 = TSimd.Zero, a05 = TSimd.Zero, a06 = TSimd.Zero, a07 = TSimd.Zero;
        TVector a10 = TSimd.Zero, a11 = TSimd.Zero, a12 = TSimd.Zero, a13 = TSimd.Zero;
        TVector a14 = TSimd.Zero, a15 = TSimd.Zero, a16 = TSimd.Zero, a17 = TSimd.Zero;
        TVector a20 = TSimd.Zero, a21 = TSimd.Zero, a22 = TSimd.Zero, a23 = TSimd.Zero;
        TVector a24 = TSimd.Zero, a25 = TSimd.Zero, a26 = TSimd.Zero, a27 = TSimd.Zero;
        T* p0 = p, p1 = p + ldp, p2 = p + 2 * ldp;
        T* q0 = q, q1 = q + ldq, q2 = q + 2 * ldq, q3 = q + 3 * ldq;
        T* q4 = q + 4 * ldq, q5 = q + 5 * ldq, q6 = q + 6 * ldq, q7 = q + 7 * ldq;
        nint k = 0;
        for (; k <= kLen - n; k += n)
        {
            TVector x0 = TSimd.Load(p0 + k), x1 = TSimd.Zero, x2 = TSimd.Zero;
            if (TRows.Value > 1)
                x1 = TSimd.Load(p1 + k);
            if (TRows.Value > 2)
                x2 = TSimd.Load(p2 + k);
            TVector y;
            y = TSimd.Load(q0 + k);
            a00 = TSimd.MultiplyAdd(x0, y, a00);
            if (TRows.Value > 1) a10 = TSimd.MultiplyAdd(x1, y, a10);
            if (TRows.Value > 2) a20 = TSimd.MultiplyAdd(x2, y, a20);
            y = TSimd.Load(q1 + k);
            a01 = TSimd.MultiplyAdd(x0, y, a01);
            if (TRows.Value > 1) a11 = TSimd.MultiplyAdd(x1, y, a11);
            if (TRows.Value > 2) a21 = TSimd.MultiplyAdd(x2, y, a21);
            y = TSimd.Load(q2 + k);
            a02 = TSimd.MultiplyAdd(x0, y, a02);
            if (TRows.Value > 1) a12 = TSimd.MultiplyAdd(x1, y, a12);
            if (TRows.Value > 2) a22 = TSimd.MultiplyAdd(x2, y, a22);
            y = TSimd.Load(q3 + k);
            a03 = TSimd.MultiplyAdd(x0, y, a03);
            if (TRows.Value > 1) a13 = TSimd.MultiplyAdd(x1, y, a13);
            if (TRows.Value > 2) a23 = TSimd.MultiplyAdd(x2, y, a23);
            y = TSimd.Load(q4 + k);
            a04 = TSimd.MultiplyAdd(x0, y, a04);
            if (TRows.Value > 1) a14 = TSimd.MultiplyAdd(x1, y, a14);
            if (TRows.Value > 2) a24 = TSimd.MultiplyAdd(x2, y, a24);
            y = TSimd.Load(q5 + k);
            a05 = TSimd.MultiplyAdd(x0, y, a05);
            if (TRows.Value > 1) a15 = TSimd.MultiplyAdd(x1, y, a15);
            if (TRows.Value > 2) a25 = TSimd.MultiplyAdd(x2, y, a25);
            y = TSimd.Load(q6 + k);
            a06 = TSimd.MultiplyAdd(x0, y, a06);
            if (TRows.Value > 1) a16 = TSimd.MultiplyAdd(x1, y, a16);
            if (TRows.Value > 2) a26 = TSimd.MultiplyAdd(x2, y, a26);
            y = TSimd.Load(q7 + k);
            a07 = TSimd.MultiplyAdd(x0, y, a07);
            if (TRows.Value > 1) a17 = TSimd.MultiplyAdd(x1, y, a17);
            if (TRows.Value > 2) a27 = TSimd.MultiplyAdd(x2, y, a27);
        }
        if (k < kLen)
        {
            TVector mask = TSimd.LastLanes((int)(kLen - k));
            k = kLen - n;
            TVector x0 = TSimd.And(TSimd.Load(p0 + k), mask), x1 = TSimd.Zero, x2 = TSimd.Zero;
            if (TRows.Value > 1)
                x1 = TSimd.And(TSimd.Load(p1 + k), mask);
            if (TRows.Value > 2)
                x2 = TSimd.And(TSimd.Load(p2 + k), mask);
            TVector y;
            y = TSimd.And(TSimd.Load(q0 + k), mask);
            a00 = TSimd.MultiplyAdd(x0, y, a00);
            if (TRows.Value > 1) a10 = TSimd.MultiplyAdd(x1, y, a10);
            if (TRows.Value > 2) a20 = TSimd.MultiplyAdd(x2, y, a20);
            y = TSimd.And(TSimd.Load(q1 + k), mask);
            a01 = TSimd.MultiplyAdd(x0, y, a01);
            if (TRows.Value > 1) a11 = TSimd.MultiplyAdd(x1, y, a11);
            if (TRows.Value > 2) a21 = TSimd.MultiplyAdd(x2, y, a21);
            y = TSimd.And(TSimd.Load(q2 + k), mask);
            a02 = TSimd.MultiplyAdd(x0, y, a02);
            if (TRows.Value > 1) a12 = TSimd.MultiplyAdd(x1, y, a12);
            if (TRows.Value > 2) a22 = TSimd.MultiplyAdd(x2, y, a22);
            y = TSimd.And(TSimd.Load(q3 + k), mask);
            a03 = TSimd.MultiplyAdd(x0, y, a03);
            if (TRows.Value > 1) a13 = TSimd.MultiplyAdd(x1, y, a13);
            if (TRows.Value > 2) a23 = TSimd.MultiplyAdd(x2, y, a23);
            y = TSimd.And(TSimd.Load(q4 + k), mask);
            a04 = TSimd.MultiplyAdd(x0, y, a04);
            if (TRows.Value > 1) a14 = TSimd.MultiplyAdd(x1, y, a14);
            if (TRows.Value > 2) a24 = TSimd.MultiplyAdd(x2, y, a24);
            y = TSimd.And(TSimd.Load(q5 + k), mask);
            a05 = TSimd.MultiplyAdd(x0, y, a05);
            if (TRows.Value > 1) a15 = TSimd.MultiplyAdd(x1, y, a15);
            if (TRows.Value > 2) a25 = TSimd.MultiplyAdd(x2, y, a25);
            y = TSimd.And(TSimd.Load(q6 + k), mask);
            a06 = TSimd.MultiplyAdd(x0, y, a06);
            if (TRows.Value > 1) a16 = TSimd.MultiplyAdd(x1, y, a16);
            if (TRows.Value > 2) a26 = TSimd.MultiplyAdd(x2, y, a26);
            y = TSimd.And(TSimd.Load(q7 + k), mask);
            a07 = TSimd.MultiplyAdd(x0, y, a07);
            if (TRows.Value > 1) a17 = TSimd.MultiplyAdd(x1, y, a17);
            if (TRows.Value > 2) a27 = TSimd.MultiplyAdd(x2, y, a27);
        }

        T* sums = stackalloc T[TileColumns];
        TSimd.Sum8(a00, a01, a02, a03, a04, a05, a06, a07, sums);
        Finish(sums, TileColumns, c, accumulate, finish, scale, bias, 0);
        if (TRows.Value > 1)
        {
            TSimd.Sum8(a10, a11, a12, a13, a14, a15, a16, a17, sums);
            Finish(sums, TileColumns, c + 1 * ldc, accumulate, finish, scale, bias, 1);
        }
        if (TRows.Value > 2)
        {
            TSimd.Sum8(a20, a21, a22, a23, a24, a25, a26, a27, sums);
            Finish(sums, TileColumns, c + 2 * ldc, accumulate, finish, scale, bias, 2);
        }
    }

    /// <summary>
    /// C[r, 0] for r &lt; TRows (at most 8): the dot products of P's rows r (p + r·ldp) with the single row q over
    /// <paramref name="kLen"/> values, then <see cref="Finish{T}"/>. The matrix-vector product and the last columns of C.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Column<T, TVector, TSimd, TRows>(T* p, nint ldp, T* q, T* c, nint ldc, nint kLen,
        bool accumulate, bool finish, T scale, T* bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
        where TRows : IRowCount
    {
        nint n = TSimd.Count;
        TVector a0 = TSimd.Zero, a1 = TSimd.Zero, a2 = TSimd.Zero, a3 = TSimd.Zero;
        TVector a4 = TSimd.Zero, a5 = TSimd.Zero, a6 = TSimd.Zero, a7 = TSimd.Zero;
        T* p0 = p, p1 = p + ldp, p2 = p + 2 * ldp, p3 = p + 3 * ldp;
        T* p4 = p + 4 * ldp, p5 = p + 5 * ldp, p6 = p + 6 * ldp, p7 = p + 7 * ldp;
        nint k = 0;
        for (; k <= kLen - n; k += n)
        {
            TVector y = TSimd.Load(q + k);
            a0 = TSimd.MultiplyAdd(TSimd.Load(p0 + k), y, a0);
            if (TRows.Value > 1) a1 = TSimd.MultiplyAdd(TSimd.Load(p1 + k), y, a1);
            if (TRows.Value > 2) a2 = TSimd.MultiplyAdd(TSimd.Load(p2 + k), y, a2);
            if (TRows.Value > 3) a3 = TSimd.MultiplyAdd(TSimd.Load(p3 + k), y, a3);
            if (TRows.Value > 4) a4 = TSimd.MultiplyAdd(TSimd.Load(p4 + k), y, a4);
            if (TRows.Value > 5) a5 = TSimd.MultiplyAdd(TSimd.Load(p5 + k), y, a5);
            if (TRows.Value > 6) a6 = TSimd.MultiplyAdd(TSimd.Load(p6 + k), y, a6);
            if (TRows.Value > 7) a7 = TSimd.MultiplyAdd(TSimd.Load(p7 + k), y, a7);
        }
        if (k < kLen)
        {
            TVector mask = TSimd.LastLanes((int)(kLen - k));
            k = kLen - n;
            TVector y = TSimd.And(TSimd.Load(q + k), mask);
            a0 = TSimd.MultiplyAdd(TSimd.And(TSimd.Load(p0 + k), mask), y, a0);
            if (TRows.Value > 1) a1 = TSimd.MultiplyAdd(TSimd.And(TSimd.Load(p1 + k), mask), y, a1);
            if (TRows.Value > 2) a2 = TSimd.MultiplyAdd(TSimd.And(TSimd.Load(p2 + k), mask), y, a2);
            if (TRows.Value > 3) a3 = TSimd.MultiplyAdd(TSimd.And(TSimd.Load(p3 + k), mask), y, a3);
            if (TRows.Value > 4) a4 = TSimd.MultiplyAdd(TSimd.And(TSimd.Load(p4 + k), mask), y, a4);
            if (TRows.Value > 5) a5 = TSimd.MultiplyAdd(TSimd.And(TSimd.Load(p5 + k), mask), y, a5);
            if (TRows.Value > 6) a6 = TSimd.MultiplyAdd(TSimd.And(TSimd.Load(p6 + k), mask), y, a6);
            if (TRows.Value > 7) a7 = TSimd.MultiplyAdd(TSimd.And(TSimd.Load(p7 + k), mask), y, a7);
        }

        T sum = TSimd.Sum(a0);
        Finish(&sum, 1, c, accumulate, finish, scale, bias, 0);
        if (TRows.Value > 1)
        {
            sum = TSimd.Sum(a1);
            Finish(&sum, 1, c + 1 * ldc, accumulate, finish, scale, bias, 1);
        }
        if (TRows.Value > 2)
        {
            sum = TSimd.Sum(a2);
            Finish(&sum, 1, c + 2 * ldc, accumulate, finish, scale, bias, 2);
        }
        if (TRows.Value > 3)
        {
            sum = TSimd.Sum(a3);
            Finish(&sum, 1, c + 3 * ldc, accumulate, finish, scale, bias, 3);
        }
        if (TRows.Value > 4)
        {
            sum = TSimd.Sum(a4);
            Finish(&sum, 1, c + 4 * ldc, accumulate, finish, scale, bias, 4);
        }
        if (TRows.Value > 5)
        {
            sum = TSimd.Sum(a5);
            Finish(&sum, 1, c + 5 * ldc, accumulate, finish, scale, bias, 5);
        }
        if (TRows.Value > 6)
        {
            sum = TSimd.Sum(a6);
            Finish(&sum, 1, c + 6 * ldc, accumulate, finish, scale, bias, 6);
        }
        if (TRows.Value > 7)
        {
            sum = TSimd.Sum(a7);
            Finish(&sum, 1, c + 7 * ldc, accumulate, finish, scale, bias, 7);
        }
    }

    /// <summary>
    /// Writes one row's new sums: c = sums, or c + sums when <paramref name="accumulate"/>; then, on the last block
    /// (<paramref name="finish"/>), c = scale·c, plus bias[row] when there is a bias.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Finish<T>(T* sums, int count, T* c, bool accumulate, bool finish, T scale, T* bias, int row)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < count; j++)
        {
            T value = accumulate ? c[j] + sums[j] : sums[j];
            if (finish)
            {
                value *= scale;
                if (bias != null)
                    value += bias[row];
            }
            c[j] = value;
        }
    }

    /// <summary><see cref="Tile{T, TVector, TSimd, TRows}"/> for a tile of <paramref name="rows"/> rows (1 … 3).</summary>
    public static void Tile<T, TVector, TSimd>(int rows, T* p, nint ldp, T* q, nint ldq, T* c, nint ldc, nint kLen,
        bool accumulate, bool finish, T scale, T* bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
    {
        switch (rows)
        {
            case 1:
                Tile<T, TVector, TSimd, Rows1>(p, ldp, q, ldq, c, ldc, kLen, accumulate, finish, scale, bias);
                break;
            case 2:
                Tile<T, TVector, TSimd, Rows2>(p, ldp, q, ldq, c, ldc, kLen, accumulate, finish, scale, bias);
                break;
            case 3:
                Tile<T, TVector, TSimd, Rows3>(p, ldp, q, ldq, c, ldc, kLen, accumulate, finish, scale, bias);
                break;
            default:
                throw new System.ArgumentOutOfRangeException(nameof(rows), rows, "A dot tile has 1 to 3 rows.");
        }
    }

    /// <summary><see cref="Column{T, TVector, TSimd, TRows}"/> for <paramref name="rows"/> rows (1 … 8).</summary>
    public static void Column<T, TVector, TSimd>(int rows, T* p, nint ldp, T* q, T* c, nint ldc, nint kLen,
        bool accumulate, bool finish, T scale, T* bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
    {
        switch (rows)
        {
            case 1:
                Column<T, TVector, TSimd, Rows1>(p, ldp, q, c, ldc, kLen, accumulate, finish, scale, bias);
                break;
            case 2:
                Column<T, TVector, TSimd, Rows2>(p, ldp, q, c, ldc, kLen, accumulate, finish, scale, bias);
                break;
            case 3:
                Column<T, TVector, TSimd, Rows3>(p, ldp, q, c, ldc, kLen, accumulate, finish, scale, bias);
                break;
            case 4:
                Column<T, TVector, TSimd, Rows4>(p, ldp, q, c, ldc, kLen, accumulate, finish, scale, bias);
                break;
            case 5:
                Column<T, TVector, TSimd, Rows5>(p, ldp, q, c, ldc, kLen, accumulate, finish, scale, bias);
                break;
            case 6:
                Column<T, TVector, TSimd, Rows6>(p, ldp, q, c, ldc, kLen, accumulate, finish, scale, bias);
                break;
            case 7:
                Column<T, TVector, TSimd, Rows7>(p, ldp, q, c, ldc, kLen, accumulate, finish, scale, bias);
                break;
            case 8:
                Column<T, TVector, TSimd, Rows8>(p, ldp, q, c, ldc, kLen, accumulate, finish, scale, bias);
                break;
            default:
                throw new System.ArgumentOutOfRangeException(nameof(rows), rows, "A dot column has 1 to 8 rows.");
        }
    }
}
