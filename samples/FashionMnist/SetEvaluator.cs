using System;
using DeepNet;

namespace FashionMnist;

/// <summary>
/// Evaluates a network on a whole data set with the batched <c>Forward</c>, <see cref="ChunkSize"/> examples at a time,
/// in buffers allocated once: the cost, and each example's most probable class (the generated <c>Classify</c>'s rule:
/// the largest probability, ties to the lower class). Not thread-safe: one evaluator per thread.
/// </summary>
public sealed class SetEvaluator
{
    /// <summary>Examples per Forward: large enough for the matrix kernels to run at speed, small enough to stay in cache.</summary>
    public const int ChunkSize = 1000;

    private readonly INetwork<double> _network;
    private readonly NetworkCache<double> _cache;
    private readonly double[] _x = new double[FashionImageSet.FeatureCount * ChunkSize];
    private readonly double[] _y = new double[FashionClasses.Count * ChunkSize];

    public SetEvaluator(INetwork<double> network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Architecture.InputSize != FashionImageSet.FeatureCount || network.Architecture.OutputSize != FashionClasses.Count)
            throw new ArgumentException($"A {network.Architecture} network cannot classify Fashion-MNIST: {FashionImageSet.FeatureCount} inputs and {FashionClasses.Count} outputs are needed.", nameof(network));
        _network = network;
        _cache = network.CreateCache(ChunkSize);
    }

    /// <summary>The network's cost and confusion matrix on <paramref name="set"/>, with its current parameters.</summary>
    public Evaluation Evaluate(FashionImageSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var actual = new int[set.Count];
        var predicted = new int[set.Count];
        double costSum = 0;
        for (int start = 0; start < set.Count; start += ChunkSize)
        {
            int m = Math.Min(ChunkSize, set.Count - start);
            Span<double> x = _x.AsSpan(0, FashionImageSet.FeatureCount * m);
            Span<double> y = _y.AsSpan(0, FashionClasses.Count * m);
            set.CopyInputs(start, m, x);
            set.CopyOneHotLabels(start, m, y);
            _cache.SetExampleCount(m);
            _network.Forward(x, _cache);
            costSum += _network.ComputeCost(_cache, y) * m;

            // A[L] is 10 × m: column j holds example start + j's class probabilities.
            ReadOnlySpan<double> probabilities = _cache.Output;
            for (int j = 0; j < m; j++)
            {
                int best = 0;
                for (int k = 1; k < FashionClasses.Count; k++)
                {
                    if (probabilities[k * m + j] > probabilities[best * m + j])
                        best = k;
                }
                actual[start + j] = set.Label(start + j);
                predicted[start + j] = best;
            }
        }
        return new Evaluation(costSum / set.Count, ConfusionMatrix.Of(FashionClasses.Count, actual, predicted));
    }
}
