using System;
using Xunit.Abstractions;

namespace DeepNet.Tests;

/// <summary>Inverted dropout: seeded masks on hidden layers in training only, gradient-checked with a frozen mask.</summary>
public sealed class DropoutTests(ITestOutputHelper output)
{
    // A tanh network: with relu, a unit whose inputs are all dropped has Z = b = 0 exactly, on relu's kink, where
    // the two-sided difference quotient disagrees with any one-sided derivative.
    [Fact]
    public void GradientsWithAFrozenMaskPassTheCoursesCheck()
    {
        var net = new DeepTanhNet();
        net.InitializeParameters(seed: 21);
        var batch = new RandomBatch(net.Architecture, m: 6, seed: 22);
        var cache = new DeepTanhNet.Cache(6);
        cache.EnableDropout(keepProbability: 0.7, seed: 3);
        net.Forward(batch.X, cache);
        cache.FreezeDropoutMasks = true;

        GradientChecker.Result result = CheckWithCache(net, cache, batch);

        Assert.True(result.GradientNorm > 1e-3, $"‖grad‖ = {result.GradientNorm}");
        output.WriteLine($"{net.Architecture}, keepProb 0.7, frozen masks: difference {result.Difference:E2}, ‖grad‖ {result.GradientNorm:G3}");
        Assert.True(result.Difference < 2e-7, $"difference {result.Difference}");
    }

    [Fact]
    public void MasksDropUnitsAtTheKeepRateAndScaleTheRest()
    {
        var net = new WideNet();
        net.InitializeParameters(seed: 1);
        var batch = new RandomBatch(net.Architecture, m: 32, seed: 2);
        var cache = new WideNet.Cache(32);
        cache.EnableDropout(keepProbability: 0.8, seed: 5);

        net.Forward(batch.X, cache);

        ReadOnlySpan<double> mask = cache.DropoutMask(1);
        int kept = 0;
        foreach (double d in mask)
        {
            Assert.True(d == 0 || d == 1 / 0.8, $"mask value {d}");
            kept += d == 0 ? 0 : 1;
        }
        Assert.InRange(kept / (double)mask.Length, 0.77, 0.83);
        for (int i = 0; i < mask.Length; i++)
            Assert.Equal(Math.Max(cache.Z1[i], 0) * mask[i], cache.A1[i]);
    }

    [Fact]
    public void SameSeedSameMasksAndDisablingRestoresThePlainForward()
    {
        var net = new TinyNet();
        net.InitializeParameters(seed: 3);
        var batch = new RandomBatch(net.Architecture, m: 8, seed: 4);
        var first = new TinyNet.Cache(8);
        var second = new TinyNet.Cache(8);
        var plain = new TinyNet.Cache(8);
        first.EnableDropout(0.5, seed: 9);
        second.EnableDropout(0.5, seed: 9);

        net.Forward(batch.X, first);
        net.Forward(batch.X, second);
        net.Forward(batch.X, plain);

        Assert.Equal(first.A3.ToArray(), second.A3.ToArray());
        Assert.NotEqual(plain.A3.ToArray(), first.A3.ToArray());
        first.DisableDropout();
        net.Forward(batch.X, first);
        Assert.Equal(plain.A3.ToArray(), first.A3.ToArray());
        Assert.False(first.IsDropoutEnabled);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void KeepProbabilityOutsideZeroToOneIsRejected(double keepProbability)
    {
        var cache = new TinyNet.Cache(2);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => cache.EnableDropout(keepProbability, seed: 1));

        Assert.Equal("keepProbability", e.ParamName);
    }

    /// <summary>The course's check with J evaluated on <paramref name="cache"/>, whose frozen masks make J a fixed function of θ.</summary>
    private static GradientChecker.Result CheckWithCache(DeepTanhNet net, DeepTanhNet.Cache cache, RandomBatch batch)
    {
        const double epsilon = 1e-7;
        var grads = new DeepTanhNet.Gradients();
        net.Forward(batch.X, cache);
        net.Backward(batch.X, batch.Y, cache, grads);
        double[] grad = grads.Values.ToArray();
        Span<double> theta = net.Parameters;
        double distance = 0, gradNorm = 0, approxNorm = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            double original = theta[i];
            theta[i] = original + epsilon;
            net.Forward(batch.X, cache);
            double plus = net.ComputeCost(cache, batch.Y);
            theta[i] = original - epsilon;
            net.Forward(batch.X, cache);
            double minus = net.ComputeCost(cache, batch.Y);
            theta[i] = original;
            double approx = (plus - minus) / (2 * epsilon);
            distance += (grad[i] - approx) * (grad[i] - approx);
            gradNorm += grad[i] * grad[i];
            approxNorm += approx * approx;
        }
        return new GradientChecker.Result(Math.Sqrt(distance) / (Math.Sqrt(gradNorm) + Math.Sqrt(approxNorm)), Math.Sqrt(gradNorm), Math.Sqrt(approxNorm), theta.Length);
    }
}
