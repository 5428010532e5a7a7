using System;

namespace DeepNet;

/// <summary>
/// Gradient checking as the course teaches it: every gradient from <see cref="INetwork{T}.Backward"/> is compared with
/// the two-sided difference quotient gradapprox_i = (J(θ + ε·e_i) − J(θ − ε·e_i)) / 2ε, where J is
/// <see cref="INetwork{T}.Forward"/> followed by <see cref="INetwork{T}.ComputeCost"/>, and the two are summarised by
/// difference = ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖). Below about 2·10⁻⁷ the backward pass is correct.
/// </summary>
/// <remarks>
/// A check costs two forward passes per parameter, so run it on a small batch. A difference near zero proves nothing
/// when both gradients are zero: check <see cref="Result.GradientNorm"/> as well.
/// </remarks>
public static class GradientChecker
{
    /// <summary>ε of the difference quotient, the course's 10⁻⁷.</summary>
    public const double DefaultEpsilon = 1e-7;

    /// <summary>The outcome of one gradient check.</summary>
    /// <param name="Difference">‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖); 0 when both gradients are zero.</param>
    /// <param name="GradientNorm">‖grad‖: the Euclidean norm of the gradients from backward propagation.</param>
    /// <param name="ApproximationNorm">‖gradapprox‖: the Euclidean norm of the difference quotients.</param>
    /// <param name="ParameterCount">The number of parameters θi perturbed, all of them.</param>
    public readonly record struct Result(double Difference, double GradientNorm, double ApproximationNorm, int ParameterCount);

    /// <summary>
    /// Checks the gradients of <paramref name="network"/> at its current parameters on the batch
    /// (<paramref name="X"/>, <paramref name="Y"/>), whose size m is <paramref name="X"/>.Length / n0.
    /// The parameters are restored bit for bit before this method returns, even when it throws.
    /// </summary>
    /// <param name="network">The network; its <see cref="INetwork{T}.Parameters"/> are perturbed one at a time.</param>
    /// <param name="X">Inputs, n0 × m, row-major, one example per column.</param>
    /// <param name="Y">Labels, nL × m, row-major.</param>
    /// <param name="epsilon">ε, finite and positive.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="X"/> is empty or not n0 × m, or <paramref name="Y"/> is not nL × m.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is not finite and positive.</exception>
    public static Result Check(INetwork<double> network, ReadOnlySpan<double> X, ReadOnlySpan<double> Y, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(network);
        NetworkArchitecture architecture = network.Architecture;
        int n0 = architecture.InputSize;
        int nL = architecture.OutputSize;
        if (X.IsEmpty || X.Length % n0 != 0)
            throw new ArgumentException(
                $"X has length {X.Length}, but {architecture} expects n0 × m = {n0} × m values with m ≥ 1 (row-major, one example per column).",
                nameof(X));
        int m = X.Length / n0;
        if (Y.Length != (long)nL * m)
            throw new ArgumentException(
                $"Y has length {Y.Length}, but X holds m = {m} examples, so {architecture} expects nL × m = {nL} × {m} = {(long)nL * m} labels.",
                nameof(Y));
        if (!double.IsFinite(epsilon) || epsilon <= 0)
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be finite and positive.");

        NetworkCache<double> cache = network.CreateCache(m);
        NetworkGradients<double> grads = network.CreateGradients();
        network.Forward(X, cache);
        network.Backward(X, Y, cache, grads);
        ReadOnlySpan<double> grad = grads.Values;

        Span<double> theta = network.Parameters;
        double distanceSquared = 0, gradSquared = 0, approxSquared = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            double original = theta[i];
            double costPlus, costMinus;
            try
            {
                // J(θ + ε·e_i) and J(θ − ε·e_i), all other parameters unchanged.
                theta[i] = original + epsilon;
                network.Forward(X, cache);
                costPlus = network.ComputeCost(cache, Y);
                theta[i] = original - epsilon;
                network.Forward(X, cache);
                costMinus = network.ComputeCost(cache, Y);
            }
            finally
            {
                theta[i] = original;
            }

            double approx = (costPlus - costMinus) / (2 * epsilon);
            double delta = grad[i] - approx;
            distanceSquared += delta * delta;
            gradSquared += grad[i] * grad[i];
            approxSquared += approx * approx;
        }

        double gradNorm = Math.Sqrt(gradSquared);
        double approxNorm = Math.Sqrt(approxSquared);
        double denominator = gradNorm + approxNorm;
        double difference = denominator == 0 ? 0 : Math.Sqrt(distanceSquared) / denominator;
        return new Result(difference, gradNorm, approxNorm, theta.Length);
    }
}
