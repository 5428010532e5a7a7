namespace DeepNet.Kernels;

/// <summary>
/// Work split into numbered parts that <see cref="KernelThreads"/> runs on the calling thread and its helpers.
/// Each part must write outputs no other part writes and read nothing another part writes, so that the result does
/// not depend on which thread runs which part, nor on how many threads there are.
/// </summary>
internal abstract class ParallelJob
{
    /// <summary>Runs part <paramref name="part"/> (0 … parts − 1).</summary>
    public abstract void Execute(int part);
}
