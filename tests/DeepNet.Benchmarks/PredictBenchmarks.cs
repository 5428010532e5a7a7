using System;
using BenchmarkDotNet.Attributes;

namespace DeepNet.Benchmarks;

/// <summary>W4: Predict on one example with the tiny [5, 4, 3, 1] architecture.</summary>
public class TinyPredict
{
    private readonly TinyNet _net = new();
    private readonly TinyNetFloat _netFloat = new();
    private DynamicNetwork _dynamic = default!;
    private double[] _x = default!;
    private float[] _xFloat = default!;
    private readonly double[] _output = new double[1];

    [GlobalSetup]
    public void Setup()
    {
        _net.InitializeParameters(seed: 1);
        TrainingData.ToSingle(_net.Parameters).AsSpan().CopyTo(_netFloat.Parameters);
        _dynamic = new DynamicNetwork([5, 4, 3, 1], m: 1);
        _dynamic.SetParameters(_net.Parameters);
        _x = TrainingData.Create(5, 1, seed: 3).X;
        _xFloat = TrainingData.ToSingle(_x);
        _dynamic.Predict(_x, _output);
        TrainingData.AssertSameCost(_output[0], _net.Predict(_x), 1e-12, nameof(TinyNet));
    }

    [Benchmark(Baseline = true, Description = "DynamicNetwork")]
    public double Dynamic()
    {
        _dynamic.Predict(_x, _output);
        return _output[0];
    }

    [Benchmark(Description = "generated")]
    public double Generated() => _net.Predict(_x);

    [Benchmark(Description = "generated float32")]
    public float GeneratedFloat() => _netFloat.Predict(_xFloat);
}

/// <summary>W4: Predict on one example with the mid-size [784, 256, 128, 1] architecture.</summary>
public class MidPredict
{
    private readonly MidNet _net = new();
    private readonly MidNetFloat _netFloat = new();
    private DynamicNetwork _dynamic = default!;
    private double[] _x = default!;
    private float[] _xFloat = default!;
    private readonly double[] _output = new double[1];

    [GlobalSetup]
    public void Setup()
    {
        _net.InitializeParameters(seed: 1);
        TrainingData.ToSingle(_net.Parameters).AsSpan().CopyTo(_netFloat.Parameters);
        _dynamic = new DynamicNetwork([784, 256, 128, 1], m: 1);
        _dynamic.SetParameters(_net.Parameters);
        _x = TrainingData.Create(784, 1, seed: 3).X;
        _xFloat = TrainingData.ToSingle(_x);
        _dynamic.Predict(_x, _output);
        TrainingData.AssertSameCost(_output[0], _net.Predict(_x), 1e-12, nameof(MidNet));
    }

    [Benchmark(Baseline = true, Description = "DynamicNetwork")]
    public double Dynamic()
    {
        _dynamic.Predict(_x, _output);
        return _output[0];
    }

    [Benchmark(Description = "generated")]
    public double Generated() => _net.Predict(_x);

    [Benchmark(Description = "generated float32")]
    public float GeneratedFloat() => _netFloat.Predict(_xFloat);
}
