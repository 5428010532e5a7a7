namespace DeepNet.Tests;

/// <summary>A binary classifier served from many threads: 16-32-16-1, tanh hidden layers.</summary>
[Network(16, 32, 16, 1, Hidden = "tanh")]
public partial class ServingNet { }

/// <summary>Three sigmoid outputs in float, served from many threads.</summary>
[Network(12, 24, 3, Hidden = "leaky_relu", Precision = "float")]
public partial class ServingFloatNet { }
