using System;
using Xunit.Abstractions;

namespace DeepNet.Training.Tests;

/// <summary>
/// L2 regularization: the penalty and the weight-gradient term on a case worked by hand, and a gradient check of the
/// regularized cost J(θ) + λ/(2m) Σ‖W[l]‖² on generated networks.
/// </summary>
public sealed class L2RegularizationTests(ITestOutputHelper output)
{
    /// <summary>The course's bar for a correct backward pass.</summary>
    private const double Threshold = 2e-7;

    private const double Epsilon = 1e-7;

    /// <summary>2-2-1: W1 (2 × 2), b1 (2), W2 (1 × 2), b2 (1).</summary>
    private static readonly NetworkArchitecture s_tiny = new([2, 2, 1], [Activation.Relu, Activation.Sigmoid], typeof(double));

    /// <summary>W1 = [1 2; 3 4], b1 = [100; 100], W2 = [5 6], b2 = [100]: large biases, so including them would show.</summary>
    private static readonly double[] s_tinyParameters = [1, 2, 3, 4, 100, 100, 5, 6, 100];

    [Fact]
    public void Cost_IsLambdaOver2m_TimesTheSquaredWeights_WithoutBiases()
    {
        // Σ W² = 1 + 4 + 9 + 16 + 25 + 36 = 91; λ = 0.7, m = 4: 1/4 · 0.35 · 91 = 7.9625.
        Assert.Equal(7.9625, L2Regularization.Cost<double>(s_tiny, s_tinyParameters, 0.7, 4), 14);
        Assert.Equal(0, L2Regularization.Cost<double>(s_tiny, s_tinyParameters, 0, 4));
        float[] floats = Array.ConvertAll(s_tinyParameters, v => (float)v);
        NetworkArchitecture tinyFloat = new([2, 2, 1], [Activation.Relu, Activation.Sigmoid], typeof(float));
        Assert.Equal(7.9625, L2Regularization.Cost<float>(tinyFloat, floats, 0.7, 4), 6);
    }

    [Fact]
    public void Gradient_AddsLambdaOverMTimesW_ToTheWeightGradientsOnly()
    {
        double[] gradients = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];

        // λ/m = 0.7/4 = 0.175.
        L2Regularization.AddGradient<double>(s_tiny, s_tinyParameters, gradients, 0.7, 4);

        NumericAssert.Close([0.275, 0.45, 0.625, 0.8, 0.1, 0.1, 0.975, 1.15, 0.1], gradients, 1e-15, "dθ");
    }

    [Theory]
    [InlineData(nameof(SmallReluNet), 0.7)]
    [InlineData(nameof(TwoOutputTanhNet), 0.7)]
    [InlineData(nameof(TwoOutputTanhNet), 5.0)]
    public void GradientCheck_OfTheRegularizedCost_Passes_WithNonZeroGradients(string name, double lambda)
    {
        INetwork<double> network = Create(name);
        Dataset data = Dataset.Create(network.Architecture, m: 9, seed: 5);

        (double difference, double gradNorm, double penaltyGradNorm) =
            Check(network, data, lambda, (net, d, grads) => RegularizedGradient(net, d, grads, lambda));

        output.WriteLine($"{name}, λ = {lambda}: difference {difference:R}, ‖grad‖ {gradNorm:R}, ‖λ/m·W‖ {penaltyGradNorm:R}");
        Assert.True(gradNorm > 0.1, $"‖grad‖ = {gradNorm:R}");
        Assert.True(penaltyGradNorm > 0.1 * gradNorm, $"The L2 term ({penaltyGradNorm:R}) is too small next to ‖grad‖ ({gradNorm:R}) for the check to see it.");
        Assert.True(difference < Threshold, $"difference {difference:R} ≥ {Threshold}");
    }

    [Fact]
    public void GradientCheck_FindsAWrongPenaltyGradient()
    {
        INetwork<double> network = Create(nameof(TwoOutputTanhNet));
        Dataset data = Dataset.Create(network.Architecture, m: 9, seed: 5);
        const double lambda = 0.7;

        // λ/(2m)·W instead of λ/m·W: the derivative forgets the square's factor 2.
        (double halved, _, _) = Check(network, data, lambda, (net, d, grads) =>
        {
            Backward(net, d, grads);
            L2Regularization.AddGradient<double>(net.Architecture, net.Parameters, grads.Values, lambda / 2, d.M);
        });
        // The biases regularized too.
        (double withBiases, _, _) = Check(network, data, lambda, (net, d, grads) =>
        {
            RegularizedGradient(net, d, grads, lambda);
            for (int l = 1; l <= net.Architecture.LayerCount; l++)
            {
                Span<double> b = net.Parameters.Slice(net.Architecture.BiasOffset(l), net.Architecture.LayerSize(l));
                Span<double> db = grads.db(l);
                for (int i = 0; i < db.Length; i++)
                    db[i] += lambda / d.M * (b[i] + 1);
            }
        });

        output.WriteLine($"Halved penalty gradient: difference {halved:R}; biases regularized: {withBiases:R}");
        Assert.True(halved > 1e-3, $"difference {halved:R}");
        Assert.True(withBiases > 1e-3, $"difference {withBiases:R}");
    }

    [Fact]
    public void WrongArguments_AreRejected()
    {
        var gradients = new double[9];
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => L2Regularization.Cost<double>(s_tiny, new double[8], 0.1, 4)).ParamName);
        Assert.Equal("gradients", Assert.Throws<ArgumentException>(() => L2Regularization.AddGradient<double>(s_tiny, s_tinyParameters, new double[10], 0.1, 4)).ParamName);
        Assert.Equal("lambda", Assert.Throws<ArgumentOutOfRangeException>(() => L2Regularization.Cost<double>(s_tiny, s_tinyParameters, -0.1, 4)).ParamName);
        Assert.Equal("lambda", Assert.Throws<ArgumentOutOfRangeException>(() => L2Regularization.AddGradient<double>(s_tiny, s_tinyParameters, gradients, double.NaN, 4)).ParamName);
        Assert.Equal("m", Assert.Throws<ArgumentOutOfRangeException>(() => L2Regularization.Cost<double>(s_tiny, s_tinyParameters, 0.1, 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => L2Regularization.Cost<double>(null!, s_tinyParameters, 0.1, 4));
    }

    /// <summary>The trainer's gradient: backward propagation, then dW[l] += λ/m·W[l].</summary>
    private static void RegularizedGradient(INetwork<double> network, Dataset data, NetworkGradients<double> grads, double lambda)
    {
        Backward(network, data, grads);
        L2Regularization.AddGradient<double>(network.Architecture, network.Parameters, grads.Values, lambda, data.M);
    }

    private static void Backward(INetwork<double> network, Dataset data, NetworkGradients<double> grads)
    {
        NetworkCache<double> cache = network.CreateCache(data.M);
        network.Forward(data.X, cache);
        network.Backward(data.X, data.Y, cache, grads);
    }

    /// <summary>J(θ) = the network's cost + λ/(2m) Σ‖W[l]‖², at the network's current parameters.</summary>
    private static double RegularizedCost(INetwork<double> network, Dataset data, NetworkCache<double> cache, double lambda)
    {
        network.Forward(data.X, cache);
        return network.ComputeCost(cache, data.Y) + L2Regularization.Cost<double>(network.Architecture, network.Parameters, lambda, data.M);
    }

    /// <summary>
    /// The course's gradient check on the regularized cost: ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖) over every
    /// parameter, with gradapprox_i = (J(θ + ε·e_i) − J(θ − ε·e_i)) / 2ε.
    /// </summary>
    private static (double Difference, double GradNorm, double PenaltyGradNorm) Check(
        INetwork<double> network, Dataset data, double lambda, Action<INetwork<double>, Dataset, NetworkGradients<double>> gradient)
    {
        NetworkGradients<double> grads = network.CreateGradients();
        gradient(network, data, grads);
        double[] grad = grads.Values.ToArray();
        NetworkGradients<double> plain = network.CreateGradients();
        Backward(network, data, plain);

        NetworkCache<double> cache = network.CreateCache(data.M);
        Span<double> theta = network.Parameters;
        double distance = 0, gradSquared = 0, approxSquared = 0, penaltySquared = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            double original = theta[i];
            theta[i] = original + Epsilon;
            double plus = RegularizedCost(network, data, cache, lambda);
            theta[i] = original - Epsilon;
            double minus = RegularizedCost(network, data, cache, lambda);
            theta[i] = original;
            double approx = (plus - minus) / (2 * Epsilon);
            distance += (grad[i] - approx) * (grad[i] - approx);
            gradSquared += grad[i] * grad[i];
            approxSquared += approx * approx;
            double penalty = grad[i] - plain.Values[i];
            penaltySquared += penalty * penalty;
        }
        double difference = Math.Sqrt(distance) / (Math.Sqrt(gradSquared) + Math.Sqrt(approxSquared));
        return (difference, Math.Sqrt(gradSquared), Math.Sqrt(penaltySquared));
    }

    private static INetwork<double> Create(string name)
    {
        INetwork<double> network = name switch
        {
            nameof(SmallReluNet) => new SmallReluNet(),
            nameof(TwoOutputTanhNet) => new TwoOutputTanhNet(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown test network."),
        };
        network.InitializeParameters(seed: 2);
        return network;
    }
}
