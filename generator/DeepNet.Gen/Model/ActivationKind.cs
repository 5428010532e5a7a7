namespace DeepNet.Gen.Model;

/// <summary>The activation of one layer, as the generator knows it (mirrors DeepNet.Activation).</summary>
internal enum ActivationKind
{
    Relu,
    LeakyRelu,
    Tanh,
    Sigmoid,
    Linear,
    Softmax,
}
