namespace DeepNet.Interop.Tests;

// One network per hidden activation and precision, all with a sigmoid output of several units so that the
// orientation of every W and b matters; plus a single-layer network.

[Network(6, 5, 4, 3, Hidden = "relu")]
public partial class ReluNet { }

[Network(6, 5, 4, 3, Hidden = "leaky_relu")]
public partial class LeakyReluNet { }

[Network(6, 5, 4, 3, Hidden = "tanh")]
public partial class TanhNet { }

[Network(6, 5, 4, 3, Hidden = "sigmoid")]
public partial class SigmoidNet { }

[Network(6, 5, 4, 3, Hidden = "linear")]
public partial class LinearNet { }

[Network(6, 5, 4, 3, Hidden = "relu", Precision = "float")]
public partial class ReluFloatNet { }

[Network(6, 5, 4, 3, Hidden = "leaky_relu", Precision = "float")]
public partial class LeakyReluFloatNet { }

[Network(6, 5, 4, 3, Hidden = "tanh", Precision = "float")]
public partial class TanhFloatNet { }

[Network(6, 5, 4, 3, Hidden = "sigmoid", Precision = "float")]
public partial class SigmoidFloatNet { }

[Network(6, 5, 4, 3, Hidden = "linear", Precision = "float")]
public partial class LinearFloatNet { }

/// <summary>L = 1: logistic regression, one Gemm and one Sigmoid.</summary>
[Network(6, 1, Precision = "float")]
public partial class LogisticFloatNet { }

/// <summary>A softmax output over four classes.</summary>
[Network(6, 5, 4, Hidden = "tanh", Output = "softmax")]
public partial class SoftmaxNet { }

/// <summary>A linear (regression) output, whose Gemm writes Y directly.</summary>
[Network(6, 5, 2, Hidden = "relu", Output = "linear")]
public partial class RegressionNet { }

[Network(6, 5, 4, Hidden = "tanh", Output = "softmax", Precision = "float")]
public partial class SoftmaxFloatNet { }
