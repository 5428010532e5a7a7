namespace DeepNet.Tests;

/// <summary>L_model_forward_2hidden: 5-4-3-1, relu, relu, sigmoid.</summary>
[Network(5, 4, 3, 1, Hidden = "relu", Output = "sigmoid")]
public partial class TinyNet { }

/// <summary>L_model_backward and update_parameters: 4-3-1, relu, sigmoid.</summary>
[Network(4, 3, 1)]
public partial class TwoLayerNet { }

/// <summary>gradient_check_n: 4-5-3-1, relu, relu, sigmoid.</summary>
[Network(4, 5, 3, 1)]
public partial class GradientCheckNet { }
