using System;

namespace DeepNet.Tests;

/// <summary>
/// An output so confident that A[L] = σ(Z[L]) rounds to exactly 1.0 or 0.0: numpy's cost would be inf or nan there;
/// a generated network's cost and gradients stay finite, whether the labels agree or not.
/// </summary>
public sealed class SaturationTests
{
    [Theory]
    [InlineData(800.0, 1.0)]   // A = 1, correct
    [InlineData(800.0, 0.0)]   // A = 1, wrong
    [InlineData(-800.0, 0.0)]  // A = 0, correct
    [InlineData(-800.0, 1.0)]  // A = 0, wrong
    public void A_saturated_output_gives_a_finite_cost_and_finite_gradients(double outputBias, double label)
    {
        (TinyNet net, double[] X, TinyNet.Cache cache) = Saturated(outputBias);
        double[] Y = [label, label, label, label];
        double saturated = outputBias > 0 ? 1.0 : 0.0;
        Assert.All(cache.A3.ToArray(), a => Assert.Equal(saturated, a));
        var grads = new TinyNet.Gradients();

        double cost = net.ComputeCost(cache, Y);
        net.Backward(X, Y, cache, grads);

        Assert.True(double.IsFinite(cost), $"cost is {cost:R}");
        if (label == saturated)
            Assert.InRange(cost, 0, 1e-12);
        else
            Assert.True(cost > 30, $"A confidently wrong output costs much; cost is {cost:R}.");
        NumericAssert.AllFinite(cache.dA3, "dA3");
        for (int l = 1; l <= TinyNet.LayerCount; l++)
        {
            NumericAssert.AllFinite(grads.dW(l), $"dW{l}");
            NumericAssert.AllFinite(grads.db(l), $"db{l}");
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    public void An_output_just_above_the_smallest_normal_probability_gives_finite_gradients(double label)
    {
        // Z3 ≈ −709.5: e^−Z3 is near double.MaxValue, so A3 = σ(Z3) is subnormal but not zero.
        (TinyNet net, double[] X, TinyNet.Cache cache) = Saturated(-709.5);
        Assert.All(cache.A3.ToArray(), a => Assert.True(a > 0 && !double.IsNormal(a), $"A3 = {a:R} is not subnormal."));
        double[] Y = [label, label, label, label];
        var grads = new TinyNet.Gradients();

        double cost = net.ComputeCost(cache, Y);
        net.Backward(X, Y, cache, grads);

        Assert.True(double.IsFinite(cost), $"cost is {cost:R}");
        NumericAssert.AllFinite(grads.Values, "gradients");
    }

    /// <summary>TinyNet on a random batch of 4 with b3 = <paramref name="outputBias"/>, after Forward.</summary>
    private static (TinyNet Net, double[] X, TinyNet.Cache Cache) Saturated(double outputBias)
    {
        var net = new TinyNet();
        net.InitializeParameters(21);
        net.W3.Clear();
        net.W3[0] = 1e-3;   // Z3 still depends on A2, so the hidden layers get gradients where any flow.
        net.b3[0] = outputBias;
        var batch = new RandomBatch(net.Architecture, m: 4, seed: 22);
        var cache = new TinyNet.Cache(4);
        net.Forward(batch.X, cache);
        return (net, batch.X, cache);
    }
}
