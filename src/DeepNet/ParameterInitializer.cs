using System;
using System.Numerics;

namespace DeepNet;

/// <summary>
/// Initialises any network's parameters from one <see cref="NumpyRandom"/> stream seeded once, drawing W1, W2, … in
/// order (row-major), exactly as the course's <c>initialize_parameters_deep</c> does.
/// </summary>
public static class ParameterInitializer
{
    /// <summary>Draws every W[l] with <paramref name="scheme"/> from seed <paramref name="seed"/> and zeroes every b[l].</summary>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative or <paramref name="scheme"/> unknown.</exception>
    public static void Initialize<T>(INetwork<T> network, int seed, ParameterInitialization scheme = ParameterInitialization.HeXavier)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        Initialize(network.Architecture, network.Parameters, seed, scheme);
    }

    /// <summary>Initialises a parameter buffer laid out as <paramref name="architecture"/> describes.</summary>
    public static void Initialize<T>(NetworkArchitecture architecture, Span<T> parameters, int seed, ParameterInitialization scheme = ParameterInitialization.HeXavier)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (parameters.Length != architecture.ParameterCount)
            throw new ArgumentException($"The parameter buffer has {parameters.Length} values; {architecture} has {architecture.ParameterCount}.", nameof(parameters));
        if (seed < 0)
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "The seed must be between 0 and int.MaxValue (numpy accepts no negative seeds).");
        if (!Enum.IsDefined(scheme))
            throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown initialisation scheme.");

        var random = new NumpyRandom(seed);
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            int n = architecture.LayerSize(l);
            int nPrev = architecture.LayerSize(l - 1);
            double scale = scheme switch
            {
                ParameterInitialization.CourseDeep => 1.0 / Math.Sqrt(nPrev),
                ParameterInitialization.CourseScaled => 0.01,
                _ => architecture.ActivationOf(l) is Activation.Relu or Activation.LeakyRelu ? Math.Sqrt(2.0 / nPrev) : Math.Sqrt(1.0 / nPrev),
            };
            Span<T> weights = parameters.Slice(architecture.WeightOffset(l), n * nPrev);
            for (int i = 0; i < weights.Length; i++)
            {
                double w = random.NextGaussian();
                weights[i] = T.CreateTruncating(scheme == ParameterInitialization.CourseDeep ? w / Math.Sqrt(nPrev) : w * scale);
            }
            parameters.Slice(architecture.BiasOffset(l), n).Clear();
        }
    }
}
