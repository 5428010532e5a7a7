namespace DeepNet.Application.Tests;

/// <summary>The numbers the course's "Deep Neural Network - Application" notebook publishes as its output.</summary>
internal static class CourseNumbers
{
    /// <summary>L_layer_model: "Cost after iteration 0".</summary>
    public const double DeepFirstCost = 0.7717493284237686;

    /// <summary>L_layer_model: "Cost after iteration 2499".</summary>
    public const double DeepLastCost = 0.0884399434417020;

    /// <summary>Train accuracy 0.985645933014 = 206 / 209; test accuracy 0.8 = 40 / 50.</summary>
    public const int DeepTrainCorrect = 206;

    /// <inheritdoc cref="DeepTrainCorrect"/>
    public const int DeepTestCorrect = 40;

    /// <summary>two_layer_model: "Cost after iteration 0", "100" and "2499".</summary>
    public const double TwoLayerFirstCost = 0.6930497356599888;

    /// <inheritdoc cref="TwoLayerFirstCost"/>
    public const double TwoLayerCostAt100 = 0.6464320953428849;

    /// <inheritdoc cref="TwoLayerFirstCost"/>
    public const double TwoLayerLastCost = 0.04421498215868956;

    /// <summary>Train accuracy 0.9999999999999998 (209 / 209 summed in floating point); test accuracy 0.72 = 36 / 50.</summary>
    public const int TwoLayerTrainCorrect = 209;

    /// <inheritdoc cref="TwoLayerTrainCorrect"/>
    public const int TwoLayerTestCorrect = 36;

    /// <summary>The notebook's learning rate and iterations.</summary>
    public const double LearningRate = 0.0075;

    /// <inheritdoc cref="LearningRate"/>
    public const int Iterations = 2500;
}
