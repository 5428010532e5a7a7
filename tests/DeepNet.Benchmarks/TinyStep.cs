using System;
using BenchmarkDotNet.Attributes;

namespace DeepNet.Benchmarks;

/// <summary>W1: one training step of the tiny [5, 4, 3, 1] network on a single example.</summary>
public class TinyStep
{
    private const int Examples = 1;
    private readonly TinyNet _net = new();
    private readonly TinyNetFloat _netFloat = new();
    private TinyNet.Cache _cache = default!;
    private TinyNet.Gradients _grads = default!;
    private TinyNetFloat.Cache _cacheFloat = default!;
    private TinyNetFloat.Gradients _gradsFloat = default!;
    private StraightLineTinyNet _straightLine = default!;
    private DynamicNetwork _dynamic = default!;
    private double[] _X = default!, _Y = default!;
    private float[] _XFloat = default!, _YFloat = default!;

    [GlobalSetup]
    public void Setup()
    {
        _net.InitializeParameters(seed: 1);
        _cache = new TinyNet.Cache(Examples);
        _grads = new TinyNet.Gradients();
        TrainingData.ToSingle(_net.Parameters).AsSpan().CopyTo(_netFloat.Parameters);
        _cacheFloat = new TinyNetFloat.Cache(Examples);
        _gradsFloat = new TinyNetFloat.Gradients();
        _straightLine = new StraightLineTinyNet();
        _net.Parameters.CopyTo(_straightLine.Parameters);
        _dynamic = new DynamicNetwork([5, 4, 3, 1], Examples);
        _dynamic.SetParameters(_net.Parameters);
        (_X, _Y) = TrainingData.Create(5, Examples, seed: 2);
        _XFloat = TrainingData.ToSingle(_X);
        _YFloat = TrainingData.ToSingle(_Y);

        _dynamic.Forward(_X);
        double expected = _dynamic.Cost(_Y);
        _net.Forward(_X, _cache);
        TrainingData.AssertSameCost(expected, _net.ComputeCost(_cache, _Y), 1e-12, nameof(TinyNet));
        TrainingData.AssertSameCost(expected, new StraightLineTinyNet(_net.Parameters).Step(_X, _Y, 0), 1e-12, nameof(StraightLineTinyNet));
        var probe = new TinyNet();
        _net.Parameters.CopyTo(probe.Parameters);
        TrainingData.AssertSameCost(expected, probe.TrainingStep(_X, _Y, probe.CreateCache(Examples), probe.CreateGradients(), 0.1), 1e-12, "TinyNet.TrainingStep");
    }

    [Benchmark(Baseline = true, Description = "DynamicNetwork")]
    public double Dynamic() => _dynamic.Step(_X, _Y, TrainingData.LearningRate);

    [Benchmark(Description = "generated")]
    public double Generated() => _net.TrainingStep(_X, _Y, _cache, _grads, TrainingData.LearningRate);

    [Benchmark(Description = "generated, four calls")]
    public double GeneratedFourCalls()
    {
        _net.Forward(_X, _cache);
        double cost = _net.ComputeCost(_cache, _Y);
        _net.Backward(_X, _Y, _cache, _grads);
        _net.UpdateParameters(_grads, TrainingData.LearningRate);
        return cost;
    }

    [Benchmark(Description = "generated float32")]
    public float GeneratedFloat() => _netFloat.TrainingStep(_XFloat, _YFloat, _cacheFloat, _gradsFloat, (float)TrainingData.LearningRate);

    [Benchmark(Description = "straight-line prototype")]
    public double StraightLine() => _straightLine.Step(_X, _Y, TrainingData.LearningRate);
}
