using System.Collections.Generic;

namespace DeepNet.Gen;

/// <summary>The member names a generated network defines, so the parser can report a user member that clashes with one.</summary>
internal static class GeneratedNames
{
    public const string ParametersField = "_parameters";
    public const string ArchitectureField = "s_architecture";

    private static readonly string[] Fixed =
    {
        "InputSize", "OutputSize", "LayerCount", "ParameterCount", "Parameters", "Architecture",
        "InitializeParameters", "Cache", "Gradients", "Input", "CreateCache", "CreateGradients",
        "Forward", "ComputeCost", "Backward", "UpdateParameters", "TrainingStep", "Predict", "Classify",
        "ForwardCore", "BackwardCore", "ComputeCostCore", "UpdateParametersCore", "TrainingStepCore", ParametersField, ArchitectureField,
    };

    /// <summary>Every generated member name of a network with <paramref name="layerCount"/> layers and <paramref name="outputSize"/> outputs, mapped to what it is.</summary>
    public static Dictionary<string, string> For(int layerCount, int outputSize)
    {
        var names = new Dictionary<string, string>();
        foreach (string name in Fixed)
            names[name] = "a generated member";
        if (outputSize > 1)
            names["Output"] = "the fixed-size output type";
        for (int l = 0; l <= layerCount; l++)
            names["N" + l] = $"the size of layer {l}";
        for (int l = 1; l <= layerCount; l++)
        {
            names["W" + l] = $"the weights of layer {l}";
            names["b" + l] = $"the biases of layer {l}";
        }
        return names;
    }
}
