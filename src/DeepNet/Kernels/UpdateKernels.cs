using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DeepNet.Kernels;

/// <summary>Parameter updates over the flat parameter layout.</summary>
public static class UpdateKernels
{
    /// <summary>θ = θ − α·dθ for every parameter (W[l] −= α dW[l], b[l] −= α db[l]).</summary>
    public static void GradientDescent<T>(Span<T> parameters, ReadOnlySpan<T> gradients, T learningRate) where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.MultiplyAdd(gradients[..parameters.Length], -learningRate, parameters, parameters);
}
