using System;
using DeepNet.Tests.TestData;

namespace DeepNet.Tests;

/// <summary><see cref="NumpyRandom"/> reproduces numpy's legacy <c>np.random.seed</c> + <c>randn</c> bit for bit: the course's test data are its draws.</summary>
public sealed class NumpyRandomTests
{
    [CourseFact]
    public void Seed_6_draws_the_L_model_forward_2hidden_case()
    {
        // np.random.seed(6); X = randn(5, 4); W1 = randn(4, 5); b1 = randn(4, 1); W2 = …; b3 = randn(1, 1)
        JsonCase data = CourseTestCases.Case("L_model_forward_2hidden");
        Assert.Equal(6, data.Number("seed"));
        var random = new NumpyRandom(6);

        foreach (string name in new[] { "X", "W1", "b1", "W2", "b2", "W3", "b3" })
            NumericAssert.Identical(data.Matrix(name), Draw(random, data.Matrix(name).Length), name);
    }

    [CourseFact]
    public void Seed_3_draws_the_L_model_backward_case()
    {
        // np.random.seed(3); AL = randn(1, 2); then A1, W1, b1, Z1, A2, W2, b2, Z2 of the two caches, in order.
        JsonCase data = CourseTestCases.Case("L_model_backward");
        Assert.Equal(3, data.Number("seed"));
        var random = new NumpyRandom(3);

        NumericAssert.Identical([1.7886284734303186, 0.43650985051198943], data.Matrix("AL"), "AL in the data");
        NumericAssert.Identical(data.Matrix("AL"), Draw(random, 2), "AL");
        for (int layer = 0; layer < 2; layer++)
        {
            JsonCase cache = data.Element("caches", layer);
            foreach (string name in new[] { "A_prev", "W", "b", "Z" })
                NumericAssert.Identical(cache.Matrix(name), Draw(random, cache.Matrix(name).Length), $"caches[{layer}].{name}");
        }
    }

    [CourseFact]
    public void Seed_1_draws_the_gradient_check_n_case()
    {
        // np.random.seed(1); x = randn(4, 3); y = [1, 1, 0] (not drawn); W1 = randn(5, 4); b1 = …; b3 = randn(1, 1)
        JsonCase data = CourseTestCases.Case("gradient_check_n");
        Assert.Equal(1, data.Number("seed"));
        var random = new NumpyRandom(1);

        foreach (string name in new[] { "X", "W1", "b1", "W2", "b2", "W3", "b3" })
            NumericAssert.Identical(data.Matrix(name), Draw(random, data.Matrix(name).Length), name);
    }

    [Fact]
    public void Seed_3_scaled_by_a_hundredth_is_the_course_initialize_parameters_deep()
    {
        // initialize_parameters_deep([5, 4, 3]) with np.random.seed(3): W1[0] = [0.01788628 0.0043651 0.00096497 -0.01863493 -0.00277388]
        var net = new TinyNet();
        net.InitializeParameters(3, ParameterInitialization.CourseScaled);

        double[] expected = [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388];
        for (int k = 0; k < expected.Length; k++)
            Assert.Equal(expected[k], net.W1[k], 8);
    }

    [Fact]
    public void The_generator_is_MT19937()
    {
        // The C++ standard's check of std::mt19937 (default seed 5489): the 10000th output is 4123659995.
        var random = new NumpyRandom(5489);
        Assert.Equal(3499211612u, random.NextUInt32());
        for (int i = 2; i < 10000; i++)
            random.NextUInt32();
        Assert.Equal(4123659995u, random.NextUInt32());
    }

    [Fact]
    public void Uniform_draws_are_in_the_unit_interval_and_normal_draws_are_standard()
    {
        var random = new NumpyRandom(42);
        const int count = 200_000;
        double sum = 0, sumOfSquares = 0;
        for (int i = 0; i < count; i++)
        {
            double u = random.NextDouble();
            Assert.InRange(u, 0.0, Math.BitDecrement(1.0));
            double z = random.NextGaussian();
            sum += z;
            sumOfSquares += z * z;
        }
        double mean = sum / count;
        double variance = sumOfSquares / count - mean * mean;
        // Five standard errors: 5/√n ≈ 0.011 for the mean, 5·√(2/n) ≈ 0.016 for the variance.
        Assert.InRange(mean, -0.011, 0.011);
        Assert.InRange(variance, 1 - 0.016, 1 + 0.016);
    }

    [Fact]
    public void A_negative_seed_is_rejected()
    {
        Assert.Equal("seed", Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyRandom(-1)).ParamName);
    }

    private static double[] Draw(NumpyRandom random, int count)
    {
        var values = new double[count];
        random.FillGaussian(values);
        return values;
    }
}
