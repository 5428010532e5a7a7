namespace DeepNet.Tests;

/// <summary>Softmax over three classes: categorical cross-entropy.</summary>
[Network(4, 5, 3, Hidden = "tanh", Output = "softmax")]
public partial class SoftmaxNet { }

/// <summary>Two real outputs: mean squared error.</summary>
[Network(3, 6, 2, Hidden = "relu", Output = "linear")]
public partial class RegressionNet { }

/// <summary>Three independent sigmoid outputs: multi-label binary cross-entropy.</summary>
[Network(4, 6, 3)]
public partial class MultiLabelNet { }

/// <summary>One activation per layer, overriding Hidden and Output.</summary>
[Network(5, 6, 4, 3, Activations = new[] { "tanh", "leaky_relu", "softmax" })]
public partial class PerLayerNet { }
