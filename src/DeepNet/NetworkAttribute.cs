using System;

namespace DeepNet;

/// <summary>
/// Declares a fixed-architecture dense network on a <c>partial class</c>. At compile time the DeepNet.Gen source
/// generator emits the course's parameters (<c>W1…WL</c>, <c>b1…bL</c>), forward pass, cost, backward pass and
/// gradient-descent update with every dimension fixed.
/// </summary>
/// <example>
/// <code>
/// [Network(5, 4, 3, 1, Hidden = "relu", Output = "sigmoid")]
/// public partial class TinyNet { }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkAttribute : Attribute
{
    /// <summary>Declares a network with layer sizes n0 (inputs) … nL (outputs); at least two sizes, each positive.</summary>
    /// <param name="layerSizes">n0 … nL.</param>
    public NetworkAttribute(params int[] layerSizes) => LayerSizes = layerSizes;

    /// <summary>The layer sizes n0 (inputs) … nL (outputs).</summary>
    public int[] LayerSizes { get; }

    /// <summary>Activation of every hidden layer: one of <see cref="ActivationNames"/>; default <c>"relu"</c>. Case-insensitive.</summary>
    public string Hidden { get; set; } = ActivationNames.Relu;

    /// <summary>
    /// Activation of the output layer, which also fixes the cost: <c>"sigmoid"</c> (binary cross-entropy per output, the
    /// course's case and the default), <c>"softmax"</c> (categorical cross-entropy, nL ≥ 2) or <c>"linear"</c> (mean squared error).
    /// </summary>
    public string Output { get; set; } = ActivationNames.Sigmoid;

    /// <summary>One activation per layer 1 … L, overriding <see cref="Hidden"/> and <see cref="Output"/>, e.g. <c>new[] { "relu", "tanh", "sigmoid" }</c>.</summary>
    public string[]? Activations { get; set; }

    /// <summary>Floating-point type of parameters and data: <c>"double"</c> (default) or <c>"float"</c>.</summary>
    public string Precision { get; set; } = PrecisionNames.Double;
}
