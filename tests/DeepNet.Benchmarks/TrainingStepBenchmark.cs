using System;
using BenchmarkDotNet.Attributes;
using DeepNet.Kernels;

namespace DeepNet.Benchmarks;

/// <summary>
/// One training step (forward, cost, backward, update) of a generated network in double and in float32, on one
/// thread and on two, against <see cref="DynamicNetwork"/> with the same parameters and data.
/// </summary>
public abstract class TrainingStepBenchmark<TNet, TNetFloat>
    where TNet : INetwork<double>, new()
    where TNetFloat : INetwork<float>, new()
{
    private readonly int _examples;
    private TNet _net = default!;
    private NetworkCache<double> _cache = default!;
    private NetworkGradients<double> _grads = default!;
    private TNetFloat _netFloat = default!;
    private NetworkCache<float> _cacheFloat = default!;
    private NetworkGradients<float> _gradsFloat = default!;
    private DynamicNetwork _dynamic = default!;
    private double[] _X = default!, _Y = default!;
    private float[] _XFloat = default!, _YFloat = default!;

    protected TrainingStepBenchmark(int examples) => _examples = examples;

    [GlobalSetup(Targets = [nameof(Dynamic), nameof(Generated), nameof(GeneratedFloat)])]
    public void SetupOneThread() => Setup(threads: 1);

    [GlobalSetup(Targets = [nameof(GeneratedTwoThreads), nameof(GeneratedFloatTwoThreads)])]
    public void SetupTwoThreads() => Setup(threads: 2);

    [Benchmark(Baseline = true, Description = "DynamicNetwork")]
    public double Dynamic() => _dynamic.Step(_X, _Y, TrainingData.LearningRate);

    [Benchmark(Description = "generated, 1 thread")]
    public double Generated() => Step(_net, _X, _Y, _cache, _grads, TrainingData.LearningRate);

    [Benchmark(Description = "generated, 2 threads")]
    public double GeneratedTwoThreads() => Step(_net, _X, _Y, _cache, _grads, TrainingData.LearningRate);

    [Benchmark(Description = "generated float32, 1 thread")]
    public float GeneratedFloat() => Step(_netFloat, _XFloat, _YFloat, _cacheFloat, _gradsFloat, (float)TrainingData.LearningRate);

    [Benchmark(Description = "generated float32, 2 threads")]
    public float GeneratedFloatTwoThreads() => Step(_netFloat, _XFloat, _YFloat, _cacheFloat, _gradsFloat, (float)TrainingData.LearningRate);

    private static T Step<T>(INetwork<T> net, T[] X, T[] Y, NetworkCache<T> cache, NetworkGradients<T> grads, T learningRate)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        net.Forward(X, cache);
        T cost = net.ComputeCost(cache, Y);
        net.Backward(X, Y, cache, grads);
        net.UpdateParameters(grads, learningRate);
        return cost;
    }

    private void Setup(int threads)
    {
        DenseKernels.MaxDegreeOfParallelism = threads;
        _net = new TNet();
        _net.InitializeParameters(seed: 1);
        _cache = _net.CreateCache(_examples);
        _grads = _net.CreateGradients();
        _netFloat = new TNetFloat();
        TrainingData.ToSingle(_net.Parameters).AsSpan().CopyTo(_netFloat.Parameters);
        _cacheFloat = _netFloat.CreateCache(_examples);
        _gradsFloat = _netFloat.CreateGradients();

        NetworkArchitecture architecture = _net.Architecture;
        var sizes = new int[architecture.LayerCount + 1];
        for (int l = 0; l < sizes.Length; l++)
            sizes[l] = architecture.LayerSize(l);
        _dynamic = new DynamicNetwork(sizes, _examples);
        _dynamic.SetParameters(_net.Parameters);
        (_X, _Y) = TrainingData.Create(sizes[0], _examples, seed: 2);
        _XFloat = TrainingData.ToSingle(_X);
        _YFloat = TrainingData.ToSingle(_Y);

        // The three implementations compute the same step.
        _dynamic.Forward(_X);
        double expected = _dynamic.Cost(_Y);
        _net.Forward(_X, _cache);
        TrainingData.AssertSameCost(expected, _net.ComputeCost(_cache, _Y), 1e-9, typeof(TNet).Name);
        _netFloat.Forward(_XFloat, _cacheFloat);
        TrainingData.AssertSameCost(expected, _netFloat.ComputeCost(_cacheFloat, _YFloat), 1e-3, typeof(TNetFloat).Name);
    }
}

/// <summary>W2: the course application, [12288, 20, 7, 5, 1] on its full batch of m = 209 images.</summary>
[StepFlops(209, 12288, 20, 7, 5, 1)]
public class CourseStep() : TrainingStepBenchmark<CourseNet, CourseNetFloat>(examples: 209);

/// <summary>W3: a mid-size network, [784, 256, 128, 1] on m = 128 examples.</summary>
[StepFlops(128, 784, 256, 128, 1)]
public class MidStep() : TrainingStepBenchmark<MidNet, MidNetFloat>(examples: 128);
