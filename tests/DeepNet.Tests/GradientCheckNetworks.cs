namespace DeepNet.Tests;

// Networks whose backward pass is checked against difference quotients (GradientCheckerTests): every hidden
// activation, one to four layers, narrow and wide layers, one and several outputs.

/// <summary>One layer: logistic regression, 3 → 1.</summary>
[Network(3, 1)]
public partial class LogisticNet { }

/// <summary>Two layers, tanh hidden: 6-8-1.</summary>
[Network(6, 8, 1, Hidden = "tanh")]
public partial class TanhNet { }

/// <summary>Two layers, a wide relu hidden layer: 10-32-1.</summary>
[Network(10, 32, 1, Hidden = "relu")]
public partial class WideReluNet { }

/// <summary>Three layers, leaky relu hidden: 5-7-4-1.</summary>
[Network(5, 7, 4, 1, Hidden = "leaky_relu")]
public partial class LeakyReluNet { }

/// <summary>Three layers, linear hidden, two sigmoid outputs: 3-4-4-2.</summary>
[Network(3, 4, 4, 2, Hidden = "linear")]
public partial class LinearHiddenNet { }

/// <summary>Four layers, sigmoid hidden: 4-6-5-3-1.</summary>
[Network(4, 6, 5, 3, 1, Hidden = "sigmoid")]
public partial class SigmoidHiddenNet { }

/// <summary>Four layers, tanh hidden, three sigmoid outputs: 2-9-9-9-3.</summary>
[Network(2, 9, 9, 9, 3, Hidden = "tanh")]
public partial class DeepTanhNet { }

/// <summary>Four layers, relu hidden: 4-5-5-5-1.</summary>
[Network(4, 5, 5, 5, 1)]
public partial class DeepReluNet { }
