using System;
using System.Numerics;

namespace DeepNet.Tests;

/// <summary>
/// TrainingStep is Forward, ComputeCost, Backward and UpdateParameters in one call: the same numbers to the bit, the same
/// caches and gradients afterwards, on the unrolled path of small networks and the kernel path of large ones.
/// </summary>
public sealed class TrainingStepTests
{
    private const double LearningRate = 0.05;

    public static TheoryData<string, int> DoubleCases()
    {
        var cases = new TheoryData<string, int>();
        foreach (string name in (string[])[.. TestNetworks.Unrolled, .. TestNetworks.ByLayers])
        {
            cases.Add(name, 1);
            cases.Add(name, 6);
            cases.Add(name, 70);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void TrainingStepIsTheFourCallsToTheBit(string name, int m)
    {
        var batch = new RandomBatch(TestNetworks.Create(name).Architecture, m, seed: 31);
        AssertStepsMatch(TestNetworks.Create(name), TestNetworks.Create(name), batch.X, batch.Y, m, LearningRate, dropout: false);
    }

    [Theory]
    [InlineData(nameof(SmallFloatNet))]
    [InlineData(nameof(SmallFloatSoftmaxNet))]
    [InlineData(nameof(ServingFloatNet))]
    public void Float32TrainingStepIsTheFourCallsToTheBit(string name)
    {
        var batch = new RandomBatch(TestNetworks.CreateFloat(name).Architecture, m: 4, seed: 32);
        AssertStepsMatch(TestNetworks.CreateFloat(name), TestNetworks.CreateFloat(name),
            TestNetworks.ToSingle(batch.X), TestNetworks.ToSingle(batch.Y), 4, 0.05f, dropout: false);
    }

    [Theory]
    [InlineData(nameof(TinyNet))]
    [InlineData(nameof(PerLayerNet))]
    [InlineData(nameof(DeepTanhNet))]
    public void WithDropoutTrainingStepDrawsTheSameMasksAsTheFourCalls(string name)
    {
        var batch = new RandomBatch(TestNetworks.Create(name).Architecture, m: 7, seed: 33);
        AssertStepsMatch(TestNetworks.Create(name), TestNetworks.Create(name), batch.X, batch.Y, 7, LearningRate, dropout: true);
    }

    [Fact]
    public void GeneratedTypesOfferTheTypedStep()
    {
        var net = new TinyNet();
        net.InitializeParameters(seed: 2);
        var batch = new RandomBatch(net.Architecture, m: 3, seed: 3);
        var cache = new TinyNet.Cache(3);
        var grads = new TinyNet.Gradients();

        double first = net.TrainingStep(batch.X, batch.Y, cache, grads, 0.5);
        double second = net.TrainingStep(batch.X, batch.Y, cache, grads, 0.5);

        Assert.True(second < first, $"cost {first} then {second}: a step of gradient descent should lower it.");
    }

    [Fact]
    public void BadArgumentsChangeNothing()
    {
        var net = new TinyNet();
        net.InitializeParameters(seed: 4);
        var batch = new RandomBatch(net.Architecture, m: 3, seed: 5);
        var cache = new TinyNet.Cache(3);
        var grads = new TinyNet.Gradients();
        net.TrainingStep(batch.X, batch.Y, cache, grads, 0.1);
        double[] parameters = net.Parameters.ToArray(), gradients = grads.Values.ToArray(), a1 = cache.A1.ToArray();

        var shortY = new double[2];
        Assert.Equal("Y", Assert.Throws<ArgumentException>(() => net.TrainingStep(batch.X, shortY, cache, grads, 0.1)).ParamName);
        Assert.Equal("X", Assert.Throws<ArgumentException>(() => net.TrainingStep(batch.Y, batch.Y, cache, grads, 0.1)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => net.TrainingStep(batch.X, batch.Y, cache, grads, double.NaN)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => net.TrainingStep(batch.X, batch.Y, cache, grads, 0)).ParamName);
        Assert.Equal("grads", Assert.Throws<ArgumentNullException>(() => net.TrainingStep(batch.X, batch.Y, cache, null!, 0.1)).ParamName);
        Assert.Equal("cache", Assert.Throws<ArgumentNullException>(() => net.TrainingStep(batch.X, batch.Y, null!, grads, 0.1)).ParamName);
        INetwork<double> typed = net;
        ArgumentException foreign = Assert.Throws<ArgumentException>(() => typed.TrainingStep(batch.X, batch.Y, new TwoLayerNet.Cache(3), grads, 0.1));
        Assert.Equal("cache", foreign.ParamName);
        Assert.Contains("TinyNet", foreign.Message);

        NumericAssert.Identical(parameters, net.Parameters, "parameters");
        NumericAssert.Identical(gradients, grads.Values, "gradients");
        NumericAssert.Identical(a1, cache.A1, "A1");
    }

    /// <summary>Three steps each way from the same parameters: costs, parameters, gradients and every cache matrix bit-identical.</summary>
    private static void AssertStepsMatch<T>(INetwork<T> stepped, INetwork<T> called, T[] X, T[] Y, int m, T learningRate, bool dropout)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        stepped.InitializeParameters(seed: 30);
        stepped.Parameters.CopyTo(called.Parameters);
        NetworkCache<T> steppedCache = stepped.CreateCache(m), calledCache = called.CreateCache(m);
        if (dropout)
        {
            steppedCache.EnableDropout(keepProbability: 0.8, seed: 6);
            calledCache.EnableDropout(keepProbability: 0.8, seed: 6);
        }
        NetworkGradients<T> steppedGradients = stepped.CreateGradients(), calledGradients = called.CreateGradients();
        NetworkArchitecture architecture = stepped.Architecture;
        bool softmaxOutput = architecture.ActivationOf(architecture.LayerCount) == Activation.Softmax;

        for (int step = 0; step < 3; step++)
        {
            T steppedCost = stepped.TrainingStep(X, Y, steppedCache, steppedGradients, learningRate);
            called.Forward(X, calledCache);
            T calledCost = called.ComputeCost(calledCache, Y);
            called.Backward(X, Y, calledCache, calledGradients);
            called.UpdateParameters(calledGradients, learningRate);

            string at = $"{architecture}, step {step}";
            Identical([calledCost], [steppedCost], $"{at}: cost");
            Identical<T>(called.Parameters, stepped.Parameters, $"{at}: parameters");
            Identical<T>(calledGradients.Values, steppedGradients.Values, $"{at}: gradients");
            for (int l = 1; l <= architecture.LayerCount; l++)
            {
                Identical<T>(calledCache.Z(l), steppedCache.Z(l), $"{at}: Z{l}");
                Identical<T>(calledCache.A(l), steppedCache.A(l), $"{at}: A{l}");
                Identical<T>(calledCache.dZ(l), steppedCache.dZ(l), $"{at}: dZ{l}");
                if (l < architecture.LayerCount || !softmaxOutput)
                    Identical<T>(calledCache.dA(l), steppedCache.dA(l), $"{at}: dA{l}");
            }
        }
    }

    private static void Identical<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var e = new double[expected.Length];
        var a = new double[actual.Length];
        for (int i = 0; i < e.Length; i++)
            e[i] = double.CreateTruncating(expected[i]);
        for (int i = 0; i < a.Length; i++)
            a[i] = double.CreateTruncating(actual[i]);
        NumericAssert.Identical(e, a, what);
    }
}
