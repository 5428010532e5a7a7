namespace DeepNet;

/// <summary>The activation function g of a layer.</summary>
public enum Activation
{
    /// <summary>max(0, z).</summary>
    Relu,
    /// <summary>z for z &gt; 0, else 0.01·z.</summary>
    LeakyRelu,
    /// <summary>tanh(z).</summary>
    Tanh,
    /// <summary>1 / (1 + e^−z).</summary>
    Sigmoid,
    /// <summary>z.</summary>
    Linear,
    /// <summary>e^z / Σ e^z over each example's outputs; output layer only, with categorical cross-entropy.</summary>
    Softmax,
}
