using System;
using CatClassifier;
using DeepNet.Application.Tests.TestData;

namespace DeepNet.Application.Tests;

/// <summary>The course's two initialisations, drawn from one numpy-identical stream, against numpy itself.</summary>
public sealed class CourseInitializationTests
{
    [Fact]
    public void DeepInitialization_DrawsW1ToW4InOrder_AsInitializeParametersDeep()
    {
        var network = (DeepCatNet)CatModel.Deep.CreateInitialized();

        Assert.Equal(NumpyReference.DeepW1Row0, network.W1[..5].ToArray());
        Assert.Equal(NumpyReference.DeepW1Row19Last3, network.W1[^3..].ToArray());
        Assert.Equal(NumpyReference.DeepW2Row0First3, network.W2[..3].ToArray());
        Assert.Equal(NumpyReference.DeepW4, network.W4.ToArray());
        AssertZero(network.b1.ToArray(), network.b2.ToArray(), network.b3.ToArray(), network.b4.ToArray());
    }

    [Fact]
    public void ScaledInitialization_DrawsW1ThenW2_AsInitializeParameters()
    {
        var network = (TwoLayerCatNet)CatModel.TwoLayer.CreateInitialized();

        Assert.Equal(NumpyReference.TwoLayerW1Row0First4, network.W1[..4].ToArray());
        Assert.Equal(NumpyReference.TwoLayerW2, network.W2.ToArray());
        AssertZero(network.b1.ToArray(), network.b2.ToArray());
    }

    [Fact]
    public void Initialization_OverwritesEarlierParameters_AndIsRepeatable()
    {
        var first = (TwoLayerCatNet)CatModel.TwoLayer.CreateInitialized();
        var second = new TwoLayerCatNet();
        second.Parameters.Fill(3.0);

        second.InitializeParameters(CatModel.Seed, ParameterInitialization.CourseScaled);

        Assert.Equal(first.Parameters.ToArray(), second.Parameters.ToArray());
    }

    private static void AssertZero(params double[][] biases)
    {
        foreach (double[] b in biases)
            Assert.All(b, v => Assert.Equal(0.0, v));
    }
}
