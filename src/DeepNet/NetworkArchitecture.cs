using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepNet;

/// <summary>
/// The shape of a network: layer sizes n0 … nL, the activation of each layer 1 … L, and the precision.
/// It also fixes the parameter layout shared by <see cref="INetwork{T}.Parameters"/> and <see cref="NetworkGradients{T}.Values"/>:
/// W1, b1, W2, b2, … in that order, each matrix row-major (W[l] is nl × n(l−1), b[l] is nl × 1).
/// </summary>
public sealed class NetworkArchitecture : IEquatable<NetworkArchitecture>
{
    private readonly int[] _layerSizes;
    private readonly Activation[] _activations;
    private readonly int[] _weightOffsets;

    /// <summary>Creates an architecture; <paramref name="activations"/> holds one entry per layer 1 … L.</summary>
    /// <exception cref="ArgumentException">Fewer than two sizes, a size ≤ 0, a wrong number of activations, or more parameters than one array holds.</exception>
    public NetworkArchitecture(IReadOnlyList<int> layerSizes, IReadOnlyList<Activation> activations, Type elementType)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(elementType);
        if (layerSizes.Count < 2)
            throw new ArgumentException($"A network needs at least two layer sizes (n0 inputs and nL outputs); {layerSizes.Count} given.", nameof(layerSizes));
        for (int l = 0; l < layerSizes.Count; l++)
        {
            if (layerSizes[l] <= 0)
                throw new ArgumentException($"Layer size n{l} must be at least 1; {layerSizes[l]} given.", nameof(layerSizes));
        }
        if (activations.Count != layerSizes.Count - 1)
            throw new ArgumentException($"One activation per layer 1 … L is expected ({layerSizes.Count - 1}); {activations.Count} given.", nameof(activations));
        for (int l = 0; l < activations.Count - 1; l++)
        {
            if (activations[l] == Activation.Softmax)
                throw new ArgumentException($"Softmax is an output activation; layer {l + 1} is hidden.", nameof(activations));
        }
        if (activations.Count > 0 && activations[^1] == Activation.Softmax && layerSizes[^1] < 2)
            throw new ArgumentException("A softmax output needs at least two units (one probability per class).", nameof(activations));
        if (elementType != typeof(double) && elementType != typeof(float))
            throw new ArgumentException($"The element type must be double or float; {elementType} given.", nameof(elementType));

        _layerSizes = layerSizes.ToArray();
        _activations = activations.ToArray();
        ElementType = elementType;
        _weightOffsets = new int[LayerCount + 1];
        long offset = 0;
        for (int l = 1; l <= LayerCount; l++)
        {
            _weightOffsets[l] = (int)offset;
            offset += (long)_layerSizes[l] * _layerSizes[l - 1] + _layerSizes[l];
            if (offset > Array.MaxLength)
                throw new ArgumentException($"The network has more parameters ({offset} after layer {l}) than one array holds ({Array.MaxLength}).", nameof(layerSizes));
        }
        ParameterCount = (int)offset;
    }

    /// <summary>L: the number of layers with parameters (the input layer is not counted).</summary>
    public int LayerCount => _layerSizes.Length - 1;

    /// <summary>n0: features per example.</summary>
    public int InputSize => _layerSizes[0];

    /// <summary>nL: outputs per example.</summary>
    public int OutputSize => _layerSizes[^1];

    /// <summary>n0 … nL.</summary>
    public IReadOnlyList<int> LayerSizes => _layerSizes;

    /// <summary>g[1] … g[L]; entry l − 1 is the activation of layer l.</summary>
    public IReadOnlyList<Activation> Activations => _activations;

    /// <summary><see cref="double"/> or <see cref="float"/>.</summary>
    public Type ElementType { get; }

    /// <summary>Number of weights and biases in all layers.</summary>
    public int ParameterCount { get; }

    /// <summary>nl, for l in 0 … L.</summary>
    public int LayerSize(int layer) => _layerSizes[layer];

    /// <summary>g[l], for l in 1 … L.</summary>
    public Activation ActivationOf(int layer)
    {
        ValidateLayer(layer);
        return _activations[layer - 1];
    }

    /// <summary>Offset of W[l] in the parameter layout (l in 1 … L).</summary>
    public int WeightOffset(int layer)
    {
        ValidateLayer(layer);
        return _weightOffsets[layer];
    }

    /// <summary>Offset of b[l] in the parameter layout (l in 1 … L).</summary>
    public int BiasOffset(int layer) => WeightOffset(layer) + _layerSizes[layer] * _layerSizes[layer - 1];

    /// <summary>For example <c>5-4-3-1 relu,relu,sigmoid double</c>.</summary>
    public override string ToString() =>
        $"{string.Join("-", _layerSizes)} {string.Join(",", _activations.Select(NameOf))} {(ElementType == typeof(double) ? PrecisionNames.Double : PrecisionNames.Float)}";

    /// <summary>The attribute name of an activation, such as <c>"leaky_relu"</c>.</summary>
    public static string NameOf(Activation activation) => activation switch
    {
        Activation.Relu => ActivationNames.Relu,
        Activation.LeakyRelu => ActivationNames.LeakyRelu,
        Activation.Tanh => ActivationNames.Tanh,
        Activation.Sigmoid => ActivationNames.Sigmoid,
        Activation.Linear => ActivationNames.Linear,
        Activation.Softmax => ActivationNames.Softmax,
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };

    /// <inheritdoc/>
    public bool Equals(NetworkArchitecture? other) =>
        other is not null
        && ElementType == other.ElementType
        && _layerSizes.AsSpan().SequenceEqual(other._layerSizes)
        && _activations.AsSpan().SequenceEqual(other._activations);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NetworkArchitecture);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ElementType);
        foreach (int n in _layerSizes) hash.Add(n);
        foreach (Activation a in _activations) hash.Add(a);
        return hash.ToHashCode();
    }

    private void ValidateLayer(int layer)
    {
        if (layer < 1 || layer > LayerCount)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Layers with parameters are numbered 1 … {LayerCount}.");
    }
}
