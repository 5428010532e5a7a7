namespace DeepNet;

/// <summary>How <see cref="ParameterInitializer"/> draws the weights; biases are always zero.</summary>
public enum ParameterInitialization
{
    /// <summary>W[l] = randn · √(2 / n(l−1)) for relu and leaky_relu layers (He), randn · √(1 / n(l−1)) for the others (Xavier).</summary>
    HeXavier,

    /// <summary>The course application's deep initialisation: W[l] = randn(nl, n(l−1)) / √n(l−1).</summary>
    CourseDeep,

    /// <summary>The course's two-layer initialisation: W[l] = randn(nl, n(l−1)) · 0.01.</summary>
    CourseScaled,
}
