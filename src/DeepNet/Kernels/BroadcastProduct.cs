using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeepNet.Kernels;

/// <summary>
/// C (M × N) = op(A) (M × K) · B (K × N), starting from a per-row bias or from zero. op(A)[i, k] is
/// <c>A[i·ARowStride + k·AColumnStride]·AScale</c>, so W, Wᵀ and scaled dZ are all read in place; B and C are
/// row-major with the given row distances.
/// </summary>
internal unsafe struct BroadcastProblem<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int M, N, K;
    public T* A;
    public nint ARowStride, AColumnStride;
    public T AScale;
    public T* B;
    public nint Ldb;

    /// <summary>B is stored transposed: B[k, j] is at B + j·Ldb + k (Aᵀ for dW), and is packed panel by panel.</summary>
    public bool BTransposed;
    public T* C;
    public nint Ldc;

    /// <summary>M values that C's rows start from; null for zero.</summary>
    public T* Bias;
}

/// <summary>
/// The outer-product form of the matrix product (W·A in the forward pass, Wᵀ·dZ in the backward pass, and
/// scale·dZ·Aᵀ for layers with many rows). GotoBLAS-style blocking: the reduction runs in blocks of
/// <see cref="KBlock"/>; for each block, a group of op(A)'s rows (up to 256 KB, in L2) is packed into panels of up
/// to 12 rows, unless op(A) is already laid out that way (Wᵀ); each 2-vector-wide column panel of B (read in place,
/// or transposed into a panel for Aᵀ, in L1) then meets every A panel in <see cref="BroadcastKernel"/>. Every
/// element of C is the chain c = fma(a[i,k], b[k,j], c) over k in order, whatever the blocking or the number of
/// threads.
/// </summary>
internal static unsafe class BroadcastProduct
{
    /// <summary>Most values of op(A) packed once for all the parts of a parallel product (32 MB of double).</summary>
    private const int MaxSharedPacked = 4 * 1024 * 1024;

    /// <summary>Depth of a reduction block: a column panel of B (KBlock × 2 vectors, 32 KB) stays in L1.</summary>
    private const int KBlock = 256;

    public static void Run<T>(in BroadcastProblem<T> problem)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (problem.M == 0 || problem.N == 0)
            return;
        switch (VectorWidths.Select<T>())
        {
            case VectorWidth.Bits512: Run<T, Vector512<T>, Simd512<T>>(problem); break;
            case VectorWidth.Bits256: Run<T, Vector256<T>, Simd256<T>>(problem); break;
            case VectorWidth.Bits128: Run<T, Vector128<T>, Simd128<T>>(problem); break;
            default: RunScalar(problem); break;
        }
    }

    private static void Run<T, TVector, TSimd>(in BroadcastProblem<T> problem)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
    {
        var split = Split.Of<T, TVector, TSimd>(problem);
        int threads = ParallelPolicy.Threads(2.0 * problem.M * problem.N * problem.K, split.Count);
        if (threads > 1 && KernelThreads.TryAcquire(threads))
        {
            try
            {
                Job<T, TVector, TSimd> job = Job<T, TVector, TSimd>.Instance;
                job.Problem = problem;
                job.Prepacked = null;
                if (split.ByColumns && !ReadsAInPlace(problem))
                {
                    // Column parts would each pack all of A: pack it once for all of them.
                    var layout = PanelLayout.Of<T, TVector, TSimd>(problem.M);
                    long packedLength = (long)layout.Panels * layout.Stride * problem.K;
                    if (packedLength <= MaxSharedPacked)
                    {
                        job.Prepacked = KernelScratch<T>.Shared((int)packedLength);
                        PackAll<T, TVector, TSimd>(problem, job.Prepacked);
                    }
                }
                // Parts that share A (read in place or packed once) cost nothing extra: small ones balance the threads.
                bool sharesA = split.ByColumns && (job.Prepacked != null || ReadsAInPlace(problem));
                int parts = sharesA ? Math.Min(split.Count, threads * ParallelPolicy.PartsPerThread) : threads;
                job.Parts = parts;
                KernelThreads.Run(job, parts, threads);
            }
            finally
            {
                KernelThreads.Release();
            }
            return;
        }
        RunPart<T, TVector, TSimd>(problem, 0, 1, null);
    }

    /// <summary>
    /// How the product divides between threads: by column panels of B when A is the smaller operand (every part reads
    /// all of A, in place or packed once), otherwise by row panels of A (every part packs its own rows and reads all
    /// of B).
    /// </summary>
    private readonly struct Split
    {
        public readonly bool ByColumns;
        public readonly int Count;

        private Split(bool byColumns, int count)
        {
            ByColumns = byColumns;
            Count = count;
        }

        public static Split Of<T, TVector, TSimd>(in BroadcastProblem<T> problem)
            where T : unmanaged, IFloatingPointIeee754<T>
            where TVector : unmanaged
            where TSimd : ISimdOps<T, TVector>
        {
            int columnPanels = (problem.N + 2 * TSimd.Count - 1) / (2 * TSimd.Count);
            int rowPanels = RowPanelCount(problem.M, TSimd.BroadcastRows);
            return problem.M <= problem.N ? new Split(true, columnPanels) : new Split(false, rowPanels);
        }
    }

    /// <summary>
    /// True when op(A)'s values for one k are already contiguous and unscaled (Wᵀ and dZᵀ read in place): the
    /// kernel then broadcasts straight from A, and nothing is packed.
    /// </summary>
    private static bool ReadsAInPlace<T>(in BroadcastProblem<T> p) where T : unmanaged, IFloatingPointIeee754<T> =>
        p.ARowStride == 1 && p.AScale == T.One;

    /// <summary>Row panels of at most <paramref name="maxRows"/>, as even as possible.</summary>
    private static int RowPanelCount(int rows, int maxRows) => (rows + maxRows - 1) / maxRows;

    /// <summary>First row of panel <paramref name="panel"/> of <paramref name="panels"/> over <paramref name="rows"/> rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RowOf(int panel, int panels, int rows) => (int)((long)panel * rows / panels);

    /// <summary>
    /// How op(A) is packed: <see cref="Panels"/> panels of up to <c>BroadcastRows</c> rows, each stored as kLen groups of
    /// <see cref="Stride"/> values (its rows, padded to whole 512-bit blocks when <see cref="BlockTransposed"/>).
    /// </summary>
    private readonly struct PanelLayout
    {
        public readonly int Panels;
        public readonly int Stride;
        public readonly bool BlockTransposed;

        private PanelLayout(int panels, int stride, bool blockTransposed)
        {
            Panels = panels;
            Stride = stride;
            BlockTransposed = blockTransposed;
        }

        public static PanelLayout Of<T, TVector, TSimd>(int rows)
            where T : unmanaged, IFloatingPointIeee754<T>
            where TVector : unmanaged
            where TSimd : ISimdOps<T, TVector>
        {
            int panels = RowPanelCount(rows, TSimd.BroadcastRows);
            int tallest = (rows + panels - 1) / panels;
            bool blocks = typeof(TSimd) == typeof(Simd512<T>) && BlockTranspose.IsSupported<T>();
            int lanes = blocks ? BlockTranspose.Lanes<T>() : 1;
            return new PanelLayout(panels, (tallest + lanes - 1) / lanes * lanes, blocks);
        }
    }

    /// <summary>
    /// Part <paramref name="part"/> of <paramref name="parts"/>; <paramref name="prepacked"/>, when not null, holds all
    /// of op(A) packed by <see cref="PackAll"/>, block after block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunPart<T, TVector, TSimd>(in BroadcastProblem<T> p, int part, int parts, T* prepacked)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
    {
        int nr = 2 * TSimd.Count;
        int rowPanels = RowPanelCount(p.M, TSimd.BroadcastRows);
        int panelLo = 0, panelHi = rowPanels, columnLo = 0, columnHi = p.N;
        if (parts > 1)
        {
            var split = Split.Of<T, TVector, TSimd>(p);
            int lo = (int)((long)part * split.Count / parts), hi = (int)((long)(part + 1) * split.Count / parts);
            if (split.ByColumns)
            {
                columnLo = lo * nr;
                columnHi = Math.Min(hi * nr, p.N);
            }
            else
            {
                panelLo = lo;
                panelHi = hi;
            }
        }
        if (panelLo >= panelHi || columnLo >= columnHi)
            return;

        int kBlocks = Math.Max(1, (p.K + KBlock - 1) / KBlock);
        var layout = PanelLayout.Of<T, TVector, TSimd>(p.M);
        T* packed = KernelScratch<T>.Packed, edge = KernelScratch<T>.Edge, tile = KernelScratch<T>.Tile;
        bool inPlace = ReadsAInPlace(p);

        for (int kb = 0; kb < kBlocks; kb++)
        {
            int k0 = (int)((long)kb * p.K / kBlocks), kLen = (int)((long)(kb + 1) * p.K / kBlocks) - k0;
            TileStart start = kb > 0 ? TileStart.Accumulate : p.Bias != null ? TileStart.Bias : TileStart.Zero;
            int panelSize = layout.Stride * kLen;
            int groupPanels = Math.Max(1, KernelScratch<T>.PackedLength / Math.Max(1, panelSize));
            for (int g = panelLo; g < panelHi; g += groupPanels)
            {
                int gEnd = Math.Min(g + groupPanels, panelHi);
                T* groupPacked = prepacked + (nint)k0 * layout.Panels * layout.Stride + (nint)g * panelSize;
                if (prepacked == null && !inPlace)
                {
                    groupPacked = packed;
                    PackRows(p, layout, k0, kLen, packed, g, gEnd);
                }

                for (int j = columnLo; j < columnHi; j += nr)
                {
                    int width = Math.Min(nr, columnHi - j);
                    T* b;
                    nint ldb = nr;
                    if (p.BTransposed)
                    {
                        b = edge;
                        PackTransposed(p.B + j * p.Ldb + k0, p.Ldb, kLen, width, nr, edge, layout.BlockTransposed);
                    }
                    else if (width < nr)
                    {
                        b = edge;
                        PackEdge(p.B + (nint)k0 * p.Ldb + j, p.Ldb, kLen, width, nr, edge);
                    }
                    else
                    {
                        b = p.B + (nint)k0 * p.Ldb + j;
                        ldb = p.Ldb;
                    }
                    for (int t = g; t < gEnd; t++)
                    {
                        int r0 = RowOf(t, rowPanels, p.M), rows = RowOf(t + 1, rowPanels, p.M) - r0;
                        T* a = inPlace ? p.A + r0 + (nint)k0 * p.AColumnStride : groupPacked + (nint)(t - g) * panelSize;
                        nint lda = inPlace ? p.AColumnStride : layout.Stride;
                        T* bias = p.Bias == null ? null : p.Bias + r0;
                        T* c = p.C + r0 * p.Ldc + j;
                        if (width == nr)
                        {
                            BroadcastKernel.Tile<T, TVector, TSimd>(rows, a, lda, b, ldb, c, p.Ldc, kLen, start, bias);
                            continue;
                        }
                        // Last columns: the kernel writes a full-width tile, of which the first `width` columns are C's.
                        if (start == TileStart.Accumulate)
                            CopyTile(c, p.Ldc, tile, nr, rows, width);
                        BroadcastKernel.Tile<T, TVector, TSimd>(rows, a, lda, b, ldb, tile, nr, kLen, start, bias);
                        CopyTile(tile, nr, c, p.Ldc, rows, width);
                    }
                }
            }
        }
    }

    /// <summary>Packs all of op(A), reduction block after block, as <see cref="RunPart"/> reads it.</summary>
    private static void PackAll<T, TVector, TSimd>(in BroadcastProblem<T> p, T* prepacked)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
    {
        int kBlocks = Math.Max(1, (p.K + KBlock - 1) / KBlock);
        var layout = PanelLayout.Of<T, TVector, TSimd>(p.M);
        for (int kb = 0; kb < kBlocks; kb++)
        {
            int k0 = (int)((long)kb * p.K / kBlocks), kLen = (int)((long)(kb + 1) * p.K / kBlocks) - k0;
            PackRows(p, layout, k0, kLen, prepacked + (nint)k0 * layout.Panels * layout.Stride, 0, layout.Panels);
        }
    }

    /// <summary>
    /// Packs panels [g, gEnd) of op(A) × [k0, k0 + kLen), scaled: panel t at (t − g)·Stride·kLen, each k's rows
    /// contiguous at a distance of <see cref="PanelLayout.Stride"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackRows<T>(in BroadcastProblem<T> p, PanelLayout layout, int k0, int kLen, T* packed, int g, int gEnd)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T scale = p.AScale;
        nint rowStride = p.ARowStride, columnStride = p.AColumnStride;
        int stride = layout.Stride;
        for (int t = g; t < gEnd; t++)
        {
            int r0 = RowOf(t, layout.Panels, p.M), rows = RowOf(t + 1, layout.Panels, p.M) - r0;
            T* panel = packed + (nint)(t - g) * stride * kLen;
            T* src = p.A + r0 * rowStride + k0 * columnStride;
            int k = 0;
            if (columnStride == 1 && layout.BlockTransposed)
            {
                // Rows of op(A) are contiguous (W, dZ): square blocks of rows × k transposed in registers.
                int lanes = BlockTranspose.Lanes<T>();
                for (; k <= kLen - lanes; k += lanes)
                {
                    for (int rb = 0; rb < rows; rb += lanes)
                        BlockTranspose.Transpose(src + rb * rowStride + k, rowStride, Math.Min(lanes, rows - rb), panel + k * stride + rb, stride, scale);
                }
            }
            for (; k < kLen; k++)
            {
                T* column = src + k * columnStride;
                T* dst = panel + k * stride;
                for (int r = 0; r < rows; r++)
                    dst[r] = column[r * rowStride] * scale;
            }
        }
    }

    /// <summary>Copies the last <paramref name="width"/> columns of B's block into a panel padded with zeros to <paramref name="nr"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackEdge<T>(T* b, nint ldb, int kLen, int width, int nr, T* edge)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < kLen; k++)
        {
            T* src = b + k * ldb;
            T* dst = edge + k * nr;
            int j = 0;
            for (; j < width; j++)
                dst[j] = src[j];
            for (; j < nr; j++)
                dst[j] = T.Zero;
        }
    }

    /// <summary>
    /// Packs a panel of B = Sᵀ from S's rows j … j + width (each contiguous along k, <paramref name="lds"/> apart):
    /// panel[k, c] = S[c, k], padded with zeros to <paramref name="nr"/> columns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackTransposed<T>(T* s, nint lds, int kLen, int width, int nr, T* panel, bool blockTransposed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = 0;
        if (blockTransposed)
        {
            int lanes = BlockTranspose.Lanes<T>();
            for (; k <= kLen - lanes; k += lanes)
            {
                for (int cb = 0; cb < nr; cb += lanes)
                    BlockTranspose.Transpose(s + cb * lds + k, lds, Math.Max(0, Math.Min(lanes, width - cb)), panel + k * nr + cb, nr, T.One);
            }
        }
        for (; k < kLen; k++)
        {
            T* dst = panel + k * nr;
            int c = 0;
            for (; c < width; c++)
                dst[c] = s[c * lds + k];
            for (; c < nr; c++)
                dst[c] = T.Zero;
        }
    }

    private static void CopyTile<T>(T* source, nint sourceStride, T* destination, nint destinationStride, int rows, int columns)
        where T : unmanaged
    {
        for (int r = 0; r < rows; r++)
            new ReadOnlySpan<T>(source + r * sourceStride, columns).CopyTo(new Span<T>(destination + r * destinationStride, columns));
    }

    /// <summary>The same product with scalar loops, for CPUs without SIMD: c = bias + Σₖ a[i,k]·b[k,j] in k order.</summary>
    private static void RunScalar<T>(in BroadcastProblem<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < p.M; i++)
        {
            T* c = p.C + i * p.Ldc;
            T start = p.Bias == null ? T.Zero : p.Bias[i];
            for (int j = 0; j < p.N; j++)
                c[j] = start;
            for (int k = 0; k < p.K; k++)
            {
                T a = p.A[i * p.ARowStride + k * p.AColumnStride] * p.AScale;
                for (int j = 0; j < p.N; j++)
                    c[j] += a * (p.BTransposed ? p.B[j * p.Ldb + k] : p.B[k * p.Ldb + j]);
            }
        }
    }

    /// <summary>The parts of one parallel product; one instance per type, used only by the pool's owner.</summary>
    private sealed unsafe class Job<T, TVector, TSimd> : ParallelJob
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
    {
        public static readonly Job<T, TVector, TSimd> Instance = new();

        public BroadcastProblem<T> Problem;
        public int Parts;
        public T* Prepacked;

        public override void Execute(int part) => RunPart<T, TVector, TSimd>(Problem, part, Parts, Prepacked);
    }
}
