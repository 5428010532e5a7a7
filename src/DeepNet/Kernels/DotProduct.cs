using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeepNet.Kernels;

/// <summary>
/// C (M × N) = Scale·P (M × K)·Qᵀ (K × N), plus a per-row bias when there is one: every element is the dot product of
/// a row of P with a row of Q, both contiguous along K.
/// </summary>
internal unsafe struct DotProblem<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int M, N, K;
    public T* P;
    public nint Ldp;
    public T* Q;
    public nint Ldq;
    public T* C;
    public nint Ldc;
    public T Scale;

    /// <summary>M values added to C's rows after scaling; null for none.</summary>
    public T* Bias;
}

/// <summary>
/// The dot-product form of the matrix product, for operands that share a contiguous reduction (dZ·Aᵀ for dW, and
/// W·a for one example): <see cref="DotKernel"/> tiles of up to 3 rows of P × 8 rows of Q, the last N mod 8 columns
/// with <see cref="DotKernel.Column{T, TVector, TSimd}"/>. Long reductions are cut into blocks whose boundaries depend
/// only on K and the vector width, and thread parts split C's columns at multiples of 8 or its rows, so each element
/// is summed in the same order whatever the number of threads.
/// </summary>
internal static unsafe class DotProduct
{
    /// <summary>Longest reduction block: 3 + 8 rows of 512 values stay in L1.</summary>
    private const int KBlock = 512;

    /// <summary>Most bytes of P's block at a time: the rows stay in L2 while all of Q passes.</summary>
    private const int PanelBytes = 256 * 1024;

    public static void Run<T>(in DotProblem<T> problem)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (problem.M == 0 || problem.N == 0)
            return;
        VectorWidth width = VectorWidths.Select<T>();
        // A reduction shorter than one vector has nothing to vectorise.
        if (problem.K < VectorWidths.Lanes<T>(width))
            width = VectorWidth.Scalar;
        switch (width)
        {
            case VectorWidth.Bits512: Run<T, Vector512<T>, Simd512<T>>(problem); break;
            case VectorWidth.Bits256: Run<T, Vector256<T>, Simd256<T>>(problem); break;
            case VectorWidth.Bits128: Run<T, Vector128<T>, Simd128<T>>(problem); break;
            default: RunScalar(problem); break;
        }
    }

    private static void Run<T, TVector, TSimd>(in DotProblem<T> problem)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
    {
        int splitCount = SplitCount(problem);
        int threads = ParallelPolicy.Threads(2.0 * problem.M * problem.N * problem.K, splitCount);
        if (threads > 1 && KernelThreads.TryAcquire(threads))
        {
            try
            {
                // Parts share nothing but the read-only operands: small parts let the threads balance.
                int parts = Math.Min(splitCount, threads * ParallelPolicy.PartsPerThread);
                Job<T, TVector, TSimd> job = Job<T, TVector, TSimd>.Instance;
                job.Problem = problem;
                job.Parts = parts;
                KernelThreads.Run(job, parts, threads);
            }
            finally
            {
                KernelThreads.Release();
            }
            return;
        }
        RunPart<T, TVector, TSimd>(problem, 0, 1);
    }

    /// <summary>
    /// Parts split C's columns in groups of 8 when P is the smaller operand (each part reads all of P), otherwise
    /// C's rows (each part reads all of Q).
    /// </summary>
    private static bool SplitsColumns<T>(in DotProblem<T> p) where T : unmanaged, IFloatingPointIeee754<T> => p.M <= p.N;

    private static int SplitCount<T>(in DotProblem<T> p) where T : unmanaged, IFloatingPointIeee754<T> =>
        SplitsColumns(p) ? (p.N + DotKernel.TileColumns - 1) / DotKernel.TileColumns : p.M;

    /// <summary>Start of reduction block <paramref name="block"/> of <paramref name="blocks"/>: a multiple of the vector length, except K at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int BlockStart(int block, int blocks, int k, int lanes) =>
        block == blocks ? k : (int)((long)block * k / blocks) / lanes * lanes;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunPart<T, TVector, TSimd>(in DotProblem<T> p, int part, int parts)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
    {
        const int tileColumns = DotKernel.TileColumns;
        int rowLo = 0, rowHi = p.M, columnLo = 0, columnHi = p.N;
        if (parts > 1)
        {
            int count = SplitCount(p);
            int lo = (int)((long)part * count / parts), hi = (int)((long)(part + 1) * count / parts);
            if (SplitsColumns(p))
            {
                columnLo = lo * tileColumns;
                columnHi = Math.Min(hi * tileColumns, p.N);
            }
            else
            {
                rowLo = lo;
                rowHi = hi;
            }
        }
        if (rowLo >= rowHi || columnLo >= columnHi)
            return;

        int lanes = TSimd.Count;
        int blocks = (p.K + KBlock - 1) / KBlock;
        int blockLength = (p.K + blocks - 1) / blocks;
        int groupRows = Math.Max(TSimd.DotRows, PanelBytes / sizeof(T) / blockLength);
        // The last N mod 8 columns use the column kernel; part boundaries are multiples of 8, so they are always the same columns.
        int fullEnd = columnLo + (columnHi - columnLo) / tileColumns * tileColumns;

        for (int g = rowLo; g < rowHi; g += groupRows)
        {
            int gEnd = Math.Min(g + groupRows, rowHi);
            for (int block = 0; block < blocks; block++)
            {
                int k0 = BlockStart(block, blocks, p.K, lanes), kLen = BlockStart(block + 1, blocks, p.K, lanes) - k0;
                bool accumulate = block > 0, finish = block == blocks - 1;
                for (int j = columnLo; j < fullEnd; j += tileColumns)
                {
                    T* q = p.Q + j * p.Ldq + k0;
                    for (int r = g; r < gEnd; r += TSimd.DotRows)
                    {
                        int rows = Math.Min(TSimd.DotRows, gEnd - r);
                        DotKernel.Tile<T, TVector, TSimd>(rows, p.P + r * p.Ldp + k0, p.Ldp, q, p.Ldq, p.C + r * p.Ldc + j, p.Ldc,
                            kLen, accumulate, finish, p.Scale, p.Bias == null ? null : p.Bias + r);
                    }
                }
                for (int j = fullEnd; j < columnHi; j++)
                {
                    T* q = p.Q + j * p.Ldq + k0;
                    for (int r = g; r < gEnd; r += DotKernel.ColumnRows)
                    {
                        int rows = Math.Min(DotKernel.ColumnRows, gEnd - r);
                        DotKernel.Column<T, TVector, TSimd>(rows, p.P + r * p.Ldp + k0, p.Ldp, q, p.C + r * p.Ldc + j, p.Ldc,
                            kLen, accumulate, finish, p.Scale, p.Bias == null ? null : p.Bias + r);
                    }
                }
            }
        }
    }

    /// <summary>The same product with scalar loops: c = scale·Σₖ p[i,k]·q[j,k] in k order, plus the bias.</summary>
    private static void RunScalar<T>(in DotProblem<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < p.M; i++)
        {
            T* pRow = p.P + i * p.Ldp;
            for (int j = 0; j < p.N; j++)
            {
                T* qRow = p.Q + j * p.Ldq;
                T sum = T.Zero;
                for (int k = 0; k < p.K; k++)
                    sum += pRow[k] * qRow[k];
                sum *= p.Scale;
                if (p.Bias != null)
                    sum += p.Bias[i];
                p.C[i * p.Ldc + j] = sum;
            }
        }
    }

    /// <summary>The parts of one parallel product; one instance per type, used only by the pool's owner.</summary>
    private sealed class Job<T, TVector, TSimd> : ParallelJob
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : unmanaged
        where TSimd : ISimdOps<T, TVector>
    {
        public static readonly Job<T, TVector, TSimd> Instance = new();

        public DotProblem<T> Problem;
        public int Parts;

        public override void Execute(int part) => RunPart<T, TVector, TSimd>(Problem, part, Parts);
    }
}
