namespace DeepNet.Tests;

// Small float32 networks: the generator unrolls them (every n[l] ≤ 16, at most 128 weights).

[Network(4, 6, 1, Hidden = "tanh", Precision = "float")]
public partial class SmallFloatNet { }

[Network(4, 6, 3, Hidden = "leaky_relu", Output = "softmax", Precision = "float")]
public partial class SmallFloatSoftmaxNet { }
