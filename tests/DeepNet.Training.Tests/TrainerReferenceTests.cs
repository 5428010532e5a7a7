using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit.Abstractions;

namespace DeepNet.Training.Tests;

/// <summary>
/// Whole runs of <see cref="Trainer"/> against the course's code in numpy (Python/course_training.py): the same
/// initial parameters and data, random_mini_batches with the seed raised each epoch, the cost and backward propagation
/// with L2 regularization, the course's update functions and update_lr decay. The per-epoch costs and the final
/// parameters agree up to float64 rounding, which differs only in the order of the sums in matrix products.
/// </summary>
public sealed class TrainerReferenceTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-10;

    [NumpyTheory]
    [InlineData("adam", nameof(SmallReluNet), 37, 8, 6, 0.01, 0.3, 0.1)]
    [InlineData("momentum", nameof(TwoOutputTanhNet), 30, 7, 5, 0.1, 0.0, 0.05)]
    [InlineData("rmsprop", nameof(SmallReluNet), 37, 64, 8, 0.01, 1.0, 0.0)]
    [InlineData("gd", nameof(TwoOutputTanhNet), 45, 10, 5, 0.5, 0.0, 0.2)]
    [InlineData("adam", nameof(TwoOutputTanhNet), 64, 1, 2, 0.001, 0.5, 0.7)]
    public void Training_MatchesTheCoursesModelInNumpy(string optimizer, string networkName, int m, int batchSize, int epochs, double learningRate, double decayRate, double lambda)
    {
        INetwork<double> network = networkName == nameof(SmallReluNet) ? new SmallReluNet() : new TwoOutputTanhNet();
        network.InitializeParameters(seed: 1);
        NetworkArchitecture architecture = network.Architecture;
        Dataset data = Dataset.Create(architecture, m, seed: 3);
        const int shuffleSeed = 11;
        string request = JsonSerializer.Serialize(new Request(
            [.. architecture.LayerSizes],
            [.. architecture.Activations.Select(NetworkArchitecture.NameOf)],
            data.X, data.Y, network.Parameters.ToArray(),
            batchSize, epochs, shuffleSeed, learningRate, decayRate, lambda, optimizer));
        var expected = JsonSerializer.Deserialize<Response>(PythonNumpy.RunScript("course_training.py", request))!;

        TrainingResult result = Trainer.Train(network, data.X, data.Y, new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = batchSize,
            ShuffleSeed = shuffleSeed,
            LearningRate = learningRate,
            LearningRateSchedule = decayRate == 0 ? null : new InverseTimeDecay(decayRate),
            L2Lambda = lambda,
            Optimizer = optimizer switch
            {
                "gd" => new GradientDescent(),
                "momentum" => new Momentum(),
                "rmsprop" => new RmsProp(),
                _ => new Adam(),
            },
            ReportEvery = 1,
        });

        double costError = NumericAssert.Relative(expected.Costs, result.Costs.Select(p => p.Cost).ToArray(), Tolerance, "epoch costs");
        double parameterError = NumericAssert.Relative(expected.Parameters, network.Parameters, Tolerance, "final parameters");
        output.WriteLine($"{optimizer} on {architecture}, m = {m}, batches of {batchSize}, {epochs} epochs ({result.Costs[^1].Iterations} updates): " +
                         $"largest relative difference {costError:R} in the costs, {parameterError:R} in the parameters; cost {result.Costs[0].Cost:R} → {result.FinalCost:R}");
        Assert.True(result.FinalCost < result.Costs[0].Cost, "The run should learn.");
    }

    private sealed record Request(
        [property: JsonPropertyName("layer_dims")] int[] LayerDims,
        [property: JsonPropertyName("activations")] string[] Activations,
        [property: JsonPropertyName("X")] double[] X,
        [property: JsonPropertyName("Y")] double[] Y,
        [property: JsonPropertyName("parameters")] double[] Parameters,
        [property: JsonPropertyName("batch_size")] int BatchSize,
        [property: JsonPropertyName("epochs")] int Epochs,
        [property: JsonPropertyName("shuffle_seed")] int ShuffleSeed,
        [property: JsonPropertyName("learning_rate")] double LearningRate,
        [property: JsonPropertyName("decay_rate")] double DecayRate,
        [property: JsonPropertyName("lambd")] double Lambda,
        [property: JsonPropertyName("optimizer")] string Optimizer);

    private sealed record Response(
        [property: JsonPropertyName("costs")] double[] Costs,
        [property: JsonPropertyName("parameters")] double[] Parameters);
}
