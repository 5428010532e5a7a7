using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Threading;

namespace DeepNet.Training;

/// <summary>
/// Full-batch gradient descent over any generated network, as the course's <c>L_layer_model</c> runs it:
/// each iteration is Forward, cost, Backward, update; the cost is reported every <see cref="TrainingOptions.ReportEvery"/>
/// iterations and at the last one.
/// </summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="network"/> on X (n0 × m) and Y (nL × m), examples as columns.</summary>
    /// <param name="network">The network; its current parameters are the starting point.</param>
    /// <param name="X">Inputs, n0 × m, row-major. Checked once for NaN and infinity.</param>
    /// <param name="Y">Labels, nL × m, row-major. Checked once for NaN and infinity.</param>
    /// <param name="options">Iterations, learning rate and report interval.</param>
    /// <param name="report">Called with each reported cost (on the training thread).</param>
    /// <param name="cancellationToken">Checked before every iteration.</param>
    /// <returns>The reported costs and the wall time.</returns>
    /// <exception cref="ArgumentException">X or Y has the wrong length or a non-finite value.</exception>
    /// <exception cref="TrainingDivergedException">The cost became NaN or infinite; the network keeps the last parameters with a finite cost.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the network keeps the parameters reached so far.</exception>
    public static TrainingResult Train<T>(
        INetwork<T> network,
        ReadOnlySpan<T> X,
        ReadOnlySpan<T> Y,
        TrainingOptions options,
        Action<TrainingProgress>? report = null,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        NetworkArchitecture architecture = network.Architecture;
        int m = ExampleCount(architecture, X.Length, Y.Length);
        DataChecks.ThrowIfNotFinite(X, nameof(X), architecture.InputSize, m);
        DataChecks.ThrowIfNotFinite(Y, nameof(Y), architecture.OutputSize, m);

        NetworkCache<T> cache = network.CreateCache(m);
        NetworkGradients<T> grads = network.CreateGradients();
        T learningRate = T.CreateTruncating(options.LearningRate);
        T[] lastFinite = new T[architecture.ParameterCount];
        var costs = new List<TrainingProgress>(options.Iterations / options.ReportEvery + 2);
        var clock = Stopwatch.StartNew();

        for (int i = 0; i < options.Iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            network.Forward(X, cache);
            double cost = double.CreateTruncating(network.ComputeCost(cache, Y));
            if (!double.IsFinite(cost))
            {
                // At iteration 0 nothing was updated yet: the network keeps the parameters it came with.
                if (i > 0)
                    lastFinite.CopyTo(network.Parameters);
                throw new TrainingDivergedException(i, cost, options.LearningRate);
            }
            network.Parameters.CopyTo(lastFinite);
            if (i % options.ReportEvery == 0 || i == options.Iterations - 1)
            {
                var progress = new TrainingProgress(i, options.Iterations, cost, clock.Elapsed);
                costs.Add(progress);
                report?.Invoke(progress);
            }
            network.Backward(X, Y, cache, grads);
            network.UpdateParameters(grads, learningRate);
        }
        return new TrainingResult(costs, clock.Elapsed);
    }

    private static int ExampleCount(NetworkArchitecture architecture, int xLength, int yLength)
    {
        int n0 = architecture.InputSize;
        int nL = architecture.OutputSize;
        if (xLength == 0 || xLength % n0 != 0)
            throw new ArgumentException($"X has length {xLength}, but a {architecture} network expects n0 × m = {n0} × m values with m ≥ 1.", "X");
        int m = xLength / n0;
        if (yLength != (long)nL * m)
            throw new ArgumentException($"Y has length {yLength}, but X holds m = {m} examples, so nL × m = {nL} × {m} = {(long)nL * m} labels are expected.", "Y");
        return m;
    }
}
