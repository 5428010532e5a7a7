using System;
using System.Diagnostics;
using System.Threading;

namespace DeepNet.Kernels;

/// <summary>
/// A small fork-join pool for the matrix products: dedicated background helper threads (never the .NET thread pool),
/// created on first use, that spin briefly between jobs so that the products of one training step hand over in
/// microseconds, then sleep. One caller owns the pool at a time; a concurrent caller runs its parts itself.
/// Nothing is allocated per job.
/// </summary>
internal static class KernelThreads
{
    /// <summary>How long an idle helper keeps polling for the next job before it sleeps.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 5_000; // 200 µs

    private static Helper[] s_helpers = Array.Empty<Helper>();
    private static int s_owned;

    // The current job, published by the owner before it wakes the helpers.
    private static ParallelJob? s_job;
    private static int s_partCount;
    private static int s_nextPart;
    private static int s_pending;
    private static Exception? s_error;

    /// <summary>
    /// Takes the pool for one job when it is free, creating helpers so that <paramref name="threads"/> threads
    /// (the caller included) can work; false when another caller owns it.
    /// </summary>
    public static bool TryAcquire(int threads)
    {
        if (Interlocked.CompareExchange(ref s_owned, 1, 0) != 0)
            return false;
        try
        {
            if (s_helpers.Length < threads - 1)
                CreateHelpers(threads - 1);
        }
        catch
        {
            Release();
            throw;
        }
        return true;
    }

    /// <summary>Gives the pool back after <see cref="Run"/>.</summary>
    public static void Release() => Volatile.Write(ref s_owned, 0);

    /// <summary>
    /// Runs parts 0 … <paramref name="partCount"/> − 1 of <paramref name="job"/> on the caller and up to
    /// <paramref name="threads"/> − 1 helpers, each thread taking the next unclaimed part, and returns when all are done.
    /// Call only between <see cref="TryAcquire"/> and <see cref="Release"/>.
    /// </summary>
    public static void Run(ParallelJob job, int partCount, int threads)
    {
        int helpers = Math.Min(Math.Min(threads, partCount) - 1, s_helpers.Length);
        s_job = job;
        s_partCount = partCount;
        s_nextPart = 0;
        s_error = null;
        s_pending = helpers;
        for (int h = 0; h < helpers; h++)
            s_helpers[h].Wake();

        Exception? error = null;
        try
        {
            RunParts(job, partCount);
        }
        catch (Exception e)
        {
            error = e;
        }

        var spinner = new SpinWait();
        while (Volatile.Read(ref s_pending) != 0)
            spinner.SpinOnce(sleep1Threshold: -1);
        s_job = null;
        error ??= s_error;
        if (error is not null)
            throw new AggregateException("A matrix product failed on a kernel thread.", error);
    }

    private static void RunParts(ParallelJob job, int partCount)
    {
        int part;
        while ((part = Interlocked.Increment(ref s_nextPart) - 1) < partCount)
            job.Execute(part);
    }

    /// <summary>Grows the pool to <paramref name="count"/> helpers; only the owner calls it.</summary>
    private static void CreateHelpers(int count)
    {
        var helpers = new Helper[count];
        Array.Copy(s_helpers, helpers, s_helpers.Length);
        for (int h = s_helpers.Length; h < count; h++)
            helpers[h] = new Helper(h);
        s_helpers = helpers;
    }

    /// <summary>One helper thread: polls, then sleeps, until woken; works on parts of the job; reports done.</summary>
    private sealed class Helper
    {
        private readonly SemaphoreSlim _signal = new(0);
        private int _sleeping;
        private int _wanted;

        public Helper(int index)
        {
            var thread = new Thread(Loop)
            {
                IsBackground = true,
                Name = $"DeepNet kernel helper {index + 1}",
            };
            thread.Start();
        }

        /// <summary>Called by the owner after publishing a job this helper should join.</summary>
        public void Wake()
        {
            Volatile.Write(ref _wanted, 1);
            if (Interlocked.Exchange(ref _sleeping, 0) == 1)
                _signal.Release();
        }

        private void Loop()
        {
            while (true)
            {
                WaitForWork();
                Volatile.Write(ref _wanted, 0);
                ParallelJob job = s_job!;
                try
                {
                    RunParts(job, s_partCount);
                }
                catch (Exception e)
                {
                    s_error = e;
                }
                Interlocked.Decrement(ref s_pending);
            }
        }

        private void WaitForWork()
        {
            long deadline = Stopwatch.GetTimestamp() + SpinTicks;
            while (Volatile.Read(ref _wanted) == 0)
            {
                if (Stopwatch.GetTimestamp() < deadline)
                {
                    Thread.SpinWait(16);
                    continue;
                }
                Interlocked.Exchange(ref _sleeping, 1);
                if (Volatile.Read(ref _wanted) != 0)
                {
                    // Woken between the check and the flag: if the owner already took the flag, its Release is coming.
                    if (Interlocked.Exchange(ref _sleeping, 0) == 0)
                        _signal.Wait();
                    return;
                }
                _signal.Wait();
                return;
            }
        }
    }
}
