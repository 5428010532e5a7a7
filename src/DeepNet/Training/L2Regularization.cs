using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DeepNet.Training;

/// <summary>
/// L2 regularization as the course adds it (Course 2, Week 1), for any network: the cost gains
/// λ/(2m) Σl ‖W[l]‖² (the squared Frobenius norms of the weights; biases are not regularized) and each weight gradient
/// gains dW[l] += λ/m·W[l], where m is the number of examples in the batch.
/// </summary>
public static class L2Regularization
{
    /// <summary>The penalty λ/(2m) Σl ‖W[l]‖², computed as the course's (1/m)·(λ/2)·Σ.</summary>
    /// <param name="architecture">Where the weights lie in <paramref name="parameters"/>.</param>
    /// <param name="parameters">W1, b1, W2, b2, … as <see cref="INetwork{T}.Parameters"/>.</param>
    /// <param name="lambda">λ, finite and at least 0.</param>
    /// <param name="m">The number of examples the cost averages over, at least 1.</param>
    /// <exception cref="ArgumentException">The parameters do not match the architecture, λ is negative or not finite, or m is below 1.</exception>
    public static double Cost<T>(NetworkArchitecture architecture, ReadOnlySpan<T> parameters, double lambda, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(architecture, parameters.Length, nameof(parameters), lambda, m);
        double sumOfSquares = 0;
        for (int l = 1; l <= architecture.LayerCount; l++)
            sumOfSquares += double.CreateTruncating(TensorPrimitives.SumOfSquares(Weights(architecture, parameters, l)));
        return 1.0 / m * (lambda / 2) * sumOfSquares;
    }

    /// <summary>dW[l] += λ/m·W[l] for every layer l; the bias gradients are left unchanged.</summary>
    /// <param name="architecture">Where the weights lie in both spans.</param>
    /// <param name="parameters">W1, b1, W2, b2, … as <see cref="INetwork{T}.Parameters"/>.</param>
    /// <param name="gradients">dW1, db1, dW2, db2, … as <see cref="NetworkGradients{T}.Values"/>, after backward propagation.</param>
    /// <param name="lambda">λ, finite and at least 0.</param>
    /// <param name="m">The number of examples of the batch the gradients were computed on, at least 1.</param>
    /// <exception cref="ArgumentException">A span does not match the architecture, λ is negative or not finite, or m is below 1.</exception>
    public static void AddGradient<T>(NetworkArchitecture architecture, ReadOnlySpan<T> parameters, Span<T> gradients, double lambda, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(architecture, parameters.Length, nameof(parameters), lambda, m);
        Check(architecture, gradients.Length, nameof(gradients), lambda, m);
        T scale = T.CreateTruncating(lambda / m);
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            Span<T> dW = gradients.Slice(architecture.WeightOffset(l), WeightCount(architecture, l));
            TensorPrimitives.MultiplyAdd(Weights(architecture, parameters, l), scale, dW, dW);
        }
    }

    private static ReadOnlySpan<T> Weights<T>(NetworkArchitecture architecture, ReadOnlySpan<T> parameters, int layer) =>
        parameters.Slice(architecture.WeightOffset(layer), WeightCount(architecture, layer));

    private static int WeightCount(NetworkArchitecture architecture, int layer) =>
        architecture.LayerSize(layer) * architecture.LayerSize(layer - 1);

    private static void Check(NetworkArchitecture architecture, int length, string name, double lambda, int m)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (length != architecture.ParameterCount)
            throw new ArgumentException($"{name} has length {length}, but {architecture} has {architecture.ParameterCount} parameters.", name);
        if (!double.IsFinite(lambda) || lambda < 0)
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be finite and at least 0.");
        if (m < 1)
            throw new ArgumentOutOfRangeException(nameof(m), m, "The number of examples m must be at least 1.");
    }
}
