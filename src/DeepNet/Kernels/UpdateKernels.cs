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

    /// <summary>Multiplies every value by <paramref name="factor"/> in place: the 1/m of dW and db after summing over the examples.</summary>
    public static void Scale<T>(Span<T> values, T factor) where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Multiply(values, factor, values);

    /// <summary>
    /// dθ = dθ · <paramref name="scale"/>, then θ = θ − α·dθ, in one pass: the same numbers as <see cref="Scale{T}"/>
    /// followed by <see cref="GradientDescent{T}"/>, for the generated training step of small networks, where each
    /// extra pass over a few dozen values costs as much as the arithmetic.
    /// </summary>
    public static void ScaleAndDescend<T>(Span<T> parameters, Span<T> gradients, T scale, T learningRate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        gradients = gradients[..parameters.Length];
        T negativeRate = -learningRate;
        int i = 0;
        if (Vector.IsHardwareAccelerated && parameters.Length >= Vector<T>.Count)
        {
            var scales = new Vector<T>(scale);
            var rates = new Vector<T>(negativeRate);
            for (; i <= parameters.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> g = new Vector<T>(gradients[i..]) * scales;
                g.CopyTo(gradients[i..]);
                (g * rates + new Vector<T>(parameters[i..])).CopyTo(parameters[i..]);
            }
        }
        for (; i < parameters.Length; i++)
        {
            T g = gradients[i] * scale;
            gradients[i] = g;
            parameters[i] = g * negativeRate + parameters[i];
        }
    }
}
