namespace DeepNet;

/// <summary>The activation names accepted by <see cref="NetworkAttribute.Hidden"/> and <see cref="NetworkAttribute.Output"/> (case-insensitive).</summary>
public static class ActivationNames
{
    /// <summary>g(z) = max(0, z); g'(z) = 1 for z &gt; 0, else 0.</summary>
    public const string Relu = "relu";

    /// <summary>g(z) = z for z &gt; 0, else 0.01·z; g'(z) = 1 for z &gt; 0, else 0.01.</summary>
    public const string LeakyRelu = "leaky_relu";

    /// <summary>g(z) = tanh(z); g'(z) = 1 − tanh²(z).</summary>
    public const string Tanh = "tanh";

    /// <summary>g(z) = σ(z) = 1 / (1 + e^−z); g'(z) = σ(z)(1 − σ(z)). As output: binary cross-entropy.</summary>
    public const string Sigmoid = "sigmoid";

    /// <summary>g(z) = z; g'(z) = 1. As output: mean squared error (regression).</summary>
    public const string Linear = "linear";

    /// <summary>g(z)_i = e^z_i / Σ_k e^z_k over each example's nL outputs. Output only (nL ≥ 2): categorical cross-entropy.</summary>
    public const string Softmax = "softmax";
}
