namespace DeepNet.Training.Tests;

/// <summary>Three relu layers and a sigmoid output, the course's default activations: 5-4-3-1.</summary>
[Network(5, 4, 3, 1)]
public partial class SmallReluNet { }

/// <summary>Tanh hidden layers and two independent sigmoid outputs: 4-6-5-2.</summary>
[Network(4, 6, 5, 2, Hidden = "tanh")]
public partial class TwoOutputTanhNet { }

/// <summary><see cref="SmallReluNet"/>'s shape in single precision.</summary>
[Network(5, 4, 3, 1, Precision = "float")]
public partial class SmallReluFloatNet { }

/// <summary>Leaky relu hidden layers never die, so a huge learning rate overflows the parameters into a NaN cost.</summary>
[Network(5, 8, 4, 1, Hidden = "leaky_relu")]
public partial class LeakyNet { }

/// <summary>A wider network for allocation and speed checks: 20-32-16-1.</summary>
[Network(20, 32, 16, 1)]
public partial class WideNet { }
