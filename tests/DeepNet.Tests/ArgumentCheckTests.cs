using System;

namespace DeepNet.Tests;

/// <summary>Every public entry point rejects a wrong shape, a foreign cache or gradients, m &lt; 1 and a bad learning rate, with a message that says what was expected.</summary>
public sealed class ArgumentCheckTests
{
    private readonly TinyNet _net = new();
    private readonly TinyNet.Cache _cache = new(4);
    private readonly TinyNet.Gradients _grads = new();
    private readonly double[] _X = new double[TinyNet.InputSize * 4];
    private readonly double[] _Y = new double[TinyNet.OutputSize * 4];

    [Fact]
    public void Forward_rejects_an_X_that_is_not_n0_by_m()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => _net.Forward(new double[19], _cache));

        AssertNamesShape(e, "X", "n0 × m", "5 × 4 = 20", "length 19");
    }

    [Fact]
    public void ComputeCost_rejects_a_Y_that_is_not_nL_by_m()
    {
        _net.Forward(_X, _cache);

        ArgumentException e = Assert.Throws<ArgumentException>(() => _net.ComputeCost(_cache, new double[5]));

        AssertNamesShape(e, "Y", "n3 × m", "1 × 4 = 4", "length 5");
    }

    [Fact]
    public void Backward_rejects_a_wrong_X_or_Y()
    {
        _net.Forward(_X, _cache);

        ArgumentException x = Assert.Throws<ArgumentException>(() => _net.Backward(new double[25], _Y, _cache, _grads));
        ArgumentException y = Assert.Throws<ArgumentException>(() => _net.Backward(_X, new double[3], _cache, _grads));

        AssertNamesShape(x, "X", "n0 × m", "5 × 4 = 20", "length 25");
        AssertNamesShape(y, "Y", "n3 × m", "1 × 4 = 4", "length 3");
    }

    [Fact]
    public void Predict_rejects_a_wrong_example_or_output()
    {
        ArgumentException x = Assert.Throws<ArgumentException>(() => _net.Predict(new double[4]));
        ArgumentException output = Assert.Throws<ArgumentException>(() => _net.Predict(new double[5], new double[2]));

        AssertNamesShape(x, "x", "n0 × 1", "5 × 1 = 5", "length 4");
        AssertNamesShape(output, "output", "n3 × 1", "1 × 1 = 1", "length 2");
    }

    [Fact]
    public void A_cache_or_gradients_of_another_architecture_are_rejected()
    {
        INetwork<double> net = _net;
        var otherCache = new TwoLayerNet.Cache(4);
        var otherGrads = new TwoLayerNet.Gradients();

        ArgumentException forward = Assert.Throws<ArgumentException>(() => net.Forward(_X, otherCache));
        ArgumentException cost = Assert.Throws<ArgumentException>(() => net.ComputeCost(otherCache, _Y));
        ArgumentException backwardCache = Assert.Throws<ArgumentException>(() => net.Backward(_X, _Y, otherCache, _grads));
        ArgumentException backwardGrads = Assert.Throws<ArgumentException>(() => net.Backward(_X, _Y, _cache, otherGrads));
        ArgumentException update = Assert.Throws<ArgumentException>(() => net.UpdateParameters(otherGrads, 0.1));

        foreach (ArgumentException e in new[] { forward, cost, backwardCache })
        {
            Assert.Equal("cache", e.ParamName);
            Assert.Contains("4-3-1 relu,sigmoid double", e.Message);
            Assert.Contains("5-4-3-1 relu,relu,sigmoid double", e.Message);
        }
        foreach (ArgumentException e in new[] { backwardGrads, update })
            Assert.Equal("grads", e.ParamName);
    }

    [Fact]
    public void A_null_cache_or_gradients_are_rejected()
    {
        Assert.Equal("cache", Assert.Throws<ArgumentNullException>(() => _net.Forward(_X, null!)).ParamName);
        Assert.Equal("grads", Assert.Throws<ArgumentNullException>(() => _net.UpdateParameters(null!, 0.1)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_cache_for_fewer_than_one_example_is_rejected(int m)
    {
        Assert.Equal("m", Assert.Throws<ArgumentOutOfRangeException>(() => new TinyNet.Cache(m)).ParamName);
        Assert.Equal("m", Assert.Throws<ArgumentOutOfRangeException>(() => ((INetwork<double>)_net).CreateCache(m)).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_learning_rate_that_is_not_finite_and_positive_is_rejected(double learningRate)
    {
        _net.InitializeParameters(1);
        _grads.Values.Fill(1.0);
        double[] before = _net.Parameters.ToArray();

        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => _net.UpdateParameters(_grads, learningRate));

        Assert.Equal("learningRate", e.ParamName);
        Assert.Contains("finite and positive", e.Message);
        NumericAssert.Identical(before, _net.Parameters, "parameters after a rejected update");
    }

    private static void AssertNamesShape(ArgumentException e, string parameter, string shape, string numbers, string given)
    {
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(shape, e.Message);
        Assert.Contains(numbers, e.Message);
        Assert.Contains(given, e.Message);
        Assert.Contains(nameof(TinyNet), e.Message);
    }
}
