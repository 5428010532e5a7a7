using System;

namespace DeepNet.Tests;

/// <summary><see cref="ParameterInitializer"/>: W1, W2, … drawn in order from one seeded stream and scaled per scheme; biases zero.</summary>
public sealed class ParameterInitializerTests
{
    [Theory]
    [InlineData(ParameterInitialization.HeXavier)]
    [InlineData(ParameterInitialization.CourseDeep)]
    [InlineData(ParameterInitialization.CourseScaled)]
    public void The_same_seed_gives_the_same_parameters_and_another_seed_different_ones(ParameterInitialization scheme)
    {
        var first = new GradientCheckNet();
        var second = new GradientCheckNet();
        var third = new GradientCheckNet();

        first.InitializeParameters(7, scheme);
        second.InitializeParameters(7, scheme);
        third.InitializeParameters(8, scheme);

        NumericAssert.Identical(first.Parameters, second.Parameters, "same seed");
        NetworkArchitecture architecture = first.Architecture;
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            int offset = architecture.WeightOffset(l), length = architecture.LayerSize(l) * architecture.LayerSize(l - 1);
            Assert.False(first.Parameters.Slice(offset, length).SequenceEqual(third.Parameters.Slice(offset, length)), $"W{l} should differ between seeds 7 and 8.");
        }
    }

    [Theory]
    [InlineData(ParameterInitialization.HeXavier)]
    [InlineData(ParameterInitialization.CourseDeep)]
    [InlineData(ParameterInitialization.CourseScaled)]
    public void Weights_are_the_seeded_draws_in_order_scaled_by_the_scheme_and_biases_are_zero(ParameterInitialization scheme)
    {
        var net = new TinyNet();
        net.Parameters.Fill(double.NaN);

        net.InitializeParameters(1, scheme);

        var random = new NumpyRandom(1);
        NetworkArchitecture architecture = net.Architecture;
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            int nPrev = architecture.LayerSize(l - 1);
            Span<double> W = net.Parameters.Slice(architecture.WeightOffset(l), architecture.LayerSize(l) * nPrev);
            for (int i = 0; i < W.Length; i++)
            {
                double draw = random.NextGaussian();
                double expected = scheme switch
                {
                    // The course application: randn(n_l, n_{l−1}) / np.sqrt(n_{l−1}).
                    ParameterInitialization.CourseDeep => draw / Math.Sqrt(nPrev),
                    ParameterInitialization.CourseScaled => draw * 0.01,
                    // He for the relu layers 1 and 2, Xavier for the sigmoid output.
                    _ => draw * Math.Sqrt((l < 3 ? 2.0 : 1.0) / nPrev),
                };
                Assert.Equal(expected, W[i]);
            }
            Assert.False(net.Parameters.Slice(architecture.BiasOffset(l), architecture.LayerSize(l)).ContainsAnyExcept(0.0), $"b{l} is not zero.");
        }
    }

    [Fact]
    public void Initialize_without_a_scheme_is_He_Xavier()
    {
        var explicitScheme = new DeepTanhNet();
        var byDefault = new DeepTanhNet();

        explicitScheme.InitializeParameters(4, ParameterInitialization.HeXavier);
        byDefault.InitializeParameters(4);

        NumericAssert.Identical(explicitScheme.Parameters, byDefault.Parameters, "default scheme");
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var net = new TinyNet();

        Assert.Equal("seed", Assert.Throws<ArgumentOutOfRangeException>(() => net.InitializeParameters(-1)).ParamName);
        Assert.Equal("scheme", Assert.Throws<ArgumentOutOfRangeException>(() => net.InitializeParameters(1, (ParameterInitialization)99)).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => ParameterInitializer.Initialize(net.Architecture, new double[3], 1)).ParamName);
        Assert.Equal("network", Assert.Throws<ArgumentNullException>(() => ParameterInitializer.Initialize<double>(null!, 1)).ParamName);
    }
}
