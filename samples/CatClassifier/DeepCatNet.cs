using DeepNet;

namespace CatClassifier;

/// <summary>The notebook's <c>L_layer_model</c>: [LINEAR → RELU] × 3 → LINEAR → SIGMOID with layers 20, 7, 5, 1.</summary>
[Network(12288, 20, 7, 5, 1, Hidden = "relu", Output = "sigmoid")]
public partial class DeepCatNet : ICatNetwork { }
