namespace DeepNet.Tests;

/// <summary>A wider network for the allocation tests: 64-128-32-1.</summary>
[Network(64, 128, 32, 1)]
public partial class WideNet { }

/// <summary>Hidden layers of 1100 + 100 values, over the 1024 that Predict keeps on the stack: Predict rents its buffer from the shared pool.</summary>
[Network(8, 1100, 100, 1)]
public partial class PooledPredictNet { }
