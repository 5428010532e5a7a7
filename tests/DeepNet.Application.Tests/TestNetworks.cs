namespace DeepNet.Application.Tests;

/// <summary>Four inputs, three relu units, one sigmoid output: small enough to corrupt a saved file at every byte.</summary>
[Network(4, 3, 1)]
public partial class TinyNet { }

/// <summary>Same inputs and output as <see cref="TinyNet"/>, another hidden size: a different architecture.</summary>
[Network(4, 5, 1)]
public partial class OtherTinyNet { }

/// <summary><see cref="TinyNet"/>'s shape in single precision.</summary>
[Network(4, 3, 1, Precision = "float")]
public partial class TinyFloatNet { }

/// <summary>Two hidden tanh layers, for training tests.</summary>
[Network(4, 6, 3, 1, Hidden = "tanh")]
public partial class SmallDeepNet { }

/// <summary>
/// Leaky relu hidden layers never die, so a huge learning rate overflows the parameters instead of freezing a
/// saturated network: the cost becomes NaN a few iterations in.
/// </summary>
[Network(4, 6, 3, 1, Hidden = "leaky_relu")]
public partial class LeakyNet { }
