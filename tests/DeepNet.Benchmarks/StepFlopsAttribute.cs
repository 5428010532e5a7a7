using System;

namespace DeepNet.Benchmarks;

/// <summary>
/// The floating-point operations of one training step of a network, counted as the issue counts them:
/// 2·n[l]·n[l−1]·m per matrix product, for Z[l] in the forward pass and dW[l] and dA[l−1] in the backward pass,
/// except dA[0], which is never computed. Read by <see cref="GflopsColumn"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StepFlopsAttribute : Attribute
{
    /// <summary>A step on <paramref name="examples"/> examples of a network with layer sizes n0 … nL.</summary>
    public StepFlopsAttribute(int examples, params int[] layerSizes)
    {
        double flops = 0;
        for (int l = 1; l < layerSizes.Length; l++)
        {
            double product = 2.0 * layerSizes[l] * layerSizes[l - 1] * examples;
            flops += l == 1 ? 2 * product : 3 * product;
        }
        Flops = flops;
    }

    /// <summary>Operations per step.</summary>
    public double Flops { get; }
}
