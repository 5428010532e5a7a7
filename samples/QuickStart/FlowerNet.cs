using DeepNet;

namespace QuickStart;

/// <summary>Two inputs (x, y), four tanh hidden units, one sigmoid output: the course's planar classifier.</summary>
[Network(2, 4, 1, Hidden = "tanh", Output = "sigmoid")]
public partial class FlowerNet { }
