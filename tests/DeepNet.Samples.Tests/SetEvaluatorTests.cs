using System;
using DeepNet.Samples.Tests.TestData;
using FashionMnist;

namespace DeepNet.Samples.Tests;

public sealed class SetEvaluatorTests
{
    // Two chunks: a full one and a partial one.
    private const int M = SetEvaluator.ChunkSize + 234;

    [Fact]
    public void Evaluate_ClassifiesEveryExampleAsTheGeneratedClassify_AndAveragesTheCostOverAllChunks()
    {
        var set = new FashionImageSet("random", IdxWriter.Bytes(M * 784, seed: 31), IdxWriter.Bytes(M, seed: 32, bound: 10));
        var network = new FashionNet();
        network.InitializeParameters(seed: 5);

        Evaluation evaluation = new SetEvaluator(network).Evaluate(set);

        var actual = new int[M];
        var predicted = new int[M];
        var x = new double[784];
        for (int j = 0; j < M; j++)
        {
            for (int i = 0; i < 784; i++)
                x[i] = set.Image(j)[i] / 255.0;
            actual[j] = set.Label(j);
            predicted[j] = network.Classify(x);
        }
        ConfusionMatrix expected = ConfusionMatrix.Of(10, actual, predicted);
        for (int a = 0; a < 10; a++)
        {
            for (int p = 0; p < 10; p++)
                Assert.Equal(expected.Count(a, p), evaluation.Confusion.Count(a, p));
        }

        var cache = network.CreateCache(M);
        network.Forward(set.Inputs(), cache);
        double cost = network.ComputeCost(cache, set.OneHotLabels());
        Assert.Equal(cost, evaluation.Cost, 1e-12);
        Assert.True(cost > 0.5, $"The cost of an untrained network should be far from 0; it is {cost}.");
    }

    [Fact]
    public void ANetworkOfOtherSizes_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new SetEvaluator(new OtherNet()));
        Assert.Contains("784 inputs and 10 outputs are needed", e.Message);
    }
}

[DeepNet.Network(4, 3, 10, Hidden = "relu", Output = "softmax")]
public partial class OtherNet { }
