using DeepNet;

namespace FashionMnist;

/// <summary>
/// The sample's classifier: 784 pixels → 256 → 128 relu units → 10 softmax class probabilities, trained with the
/// categorical cross-entropy. Generated: <c>Classify(x)</c> is the most probable class, <c>Predict(x, output)</c> the probabilities.
/// </summary>
[Network(784, 256, 128, 10, Hidden = "relu", Output = "softmax")]
public partial class FashionNet { }
