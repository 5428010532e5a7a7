using DeepNet;

namespace CatClassifier;

/// <summary>The notebook's <c>two_layer_model</c>: LINEAR → RELU → LINEAR → SIGMOID with 7 hidden units.</summary>
[Network(12288, 7, 1, Hidden = "relu", Output = "sigmoid")]
public partial class TwoLayerCatNet : ICatNetwork { }
