using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit.Abstractions;

namespace DeepNet.Interop.Tests;

/// <summary>Exported models run in ONNX Runtime and agree with the generated network's Predict.</summary>
public sealed class OnnxExportTests
{
    private const double DoubleTolerance = 1e-12;
    private const double FloatTolerance = 1e-5;
    private const int BatchSize = 16;

    private readonly ITestOutputHelper _output;

    public OnnxExportTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> DoubleNetworks => new()
    {
        nameof(ReluNet), nameof(LeakyReluNet), nameof(TanhNet), nameof(SigmoidNet), nameof(LinearNet), nameof(SoftmaxNet), nameof(RegressionNet),
    };

    public static TheoryData<string> FloatNetworks => new()
    {
        nameof(ReluFloatNet), nameof(LeakyReluFloatNet), nameof(TanhFloatNet), nameof(SigmoidFloatNet), nameof(LinearFloatNet), nameof(LogisticFloatNet), nameof(SoftmaxFloatNet),
    };

    [Theory]
    [MemberData(nameof(DoubleNetworks))]
    public void Double_model_agrees_with_Predict(string name)
    {
        INetwork<double> network = name switch
        {
            nameof(ReluNet) => new ReluNet(),
            nameof(LeakyReluNet) => new LeakyReluNet(),
            nameof(TanhNet) => new TanhNet(),
            nameof(SigmoidNet) => new SigmoidNet(),
            nameof(LinearNet) => new LinearNet(),
            nameof(SoftmaxNet) => new SoftmaxNet(),
            nameof(RegressionNet) => new RegressionNet(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };

        double difference = MaxDifferenceFromPredict(network, seed: 11);

        _output.WriteLine($"{name} ({network.Architecture}): max |ONNX Runtime − Predict| = {difference:E3}");
        Assert.InRange(difference, 0, DoubleTolerance);
    }

    [Theory]
    [MemberData(nameof(FloatNetworks))]
    public void Float_model_agrees_with_Predict(string name)
    {
        INetwork<float> network = name switch
        {
            nameof(ReluFloatNet) => new ReluFloatNet(),
            nameof(LeakyReluFloatNet) => new LeakyReluFloatNet(),
            nameof(TanhFloatNet) => new TanhFloatNet(),
            nameof(SigmoidFloatNet) => new SigmoidFloatNet(),
            nameof(LinearFloatNet) => new LinearFloatNet(),
            nameof(LogisticFloatNet) => new LogisticFloatNet(),
            nameof(SoftmaxFloatNet) => new SoftmaxFloatNet(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };

        double difference = MaxDifferenceFromPredict(network, seed: 12);

        _output.WriteLine($"{name} ({network.Architecture}): max |ONNX Runtime − Predict| = {difference:E3}");
        Assert.InRange(difference, 0, FloatTolerance);
    }

    [Fact]
    public void Model_declares_X_and_Y_as_rows_of_examples_with_a_symbolic_batch()
    {
        using var doubleSession = new InferenceSession(Export(new ReluNet()));
        using var floatSession = new InferenceSession(Export(new TanhFloatNet()));

        AssertMatrix(doubleSession.InputMetadata, OnnxExport.InputName, TensorElementType.Double, ReluNet.InputSize);
        AssertMatrix(doubleSession.OutputMetadata, OnnxExport.OutputName, TensorElementType.Double, ReluNet.OutputSize);
        AssertMatrix(floatSession.InputMetadata, OnnxExport.InputName, TensorElementType.Float, TanhFloatNet.InputSize);
        AssertMatrix(floatSession.OutputMetadata, OnnxExport.OutputName, TensorElementType.Float, TanhFloatNet.OutputSize);
    }

    [Fact]
    public void Save_to_a_path_replaces_the_file_and_leaves_no_temporary()
    {
        string folder = Directory.CreateTempSubdirectory("deepnet-onnx-").FullName;
        try
        {
            string path = Path.Combine(folder, "model.onnx");
            File.WriteAllText(path, "an older file");
            var network = new SigmoidNet();
            RandomNetworks.Randomize(network, 13);

            OnnxExport.Save(network, path);

            Assert.Equal(Export(network), File.ReadAllBytes(path));
            Assert.Equal(["model.onnx"], Directory.GetFiles(folder).Select(Path.GetFileName));
            using var session = new InferenceSession(path);
            Assert.Equal(OnnxExport.OutputName, session.OutputNames.Single());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Export_is_deterministic_and_follows_the_parameters()
    {
        var network = new ReluNet();
        RandomNetworks.Randomize(network, 14);
        byte[] first = Export(network);

        Assert.Equal(first, Export(network));
        network.Parameters[^1] += 1;
        Assert.NotEqual(first, Export(network));
    }

    [Fact]
    public void Protobuf_message_types_stay_internal()
    {
        Type[] types = typeof(OnnxExport).Assembly.GetTypes();
        Type[] messages = types.Where(t => t.Namespace == "DeepNet.Interop.Onnx").ToArray();

        Assert.Contains(messages, t => t.Name == "ModelProto");
        Assert.All(messages, t => Assert.False(t.IsVisible, $"{t.FullName} is public"));
        Assert.Equal(
            ["NpzFile", "NpzFileException", "OnnxExport"],
            types.Where(t => t.IsVisible && t.Namespace == "DeepNet.Interop").Select(t => t.Name).Order());
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => OnnxExport.Save<double>(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => OnnxExport.Save(new ReluNet(), (Stream)null!));
        Assert.Throws<ArgumentException>(() => OnnxExport.Save(new ReluNet(), ""));
    }

    /// <summary>
    /// Runs one batch of random examples through ONNX Runtime (as rows) and each example through Predict; returns the
    /// largest absolute difference. Also checks that the examples reach both sides of every hidden relu-like kink.
    /// </summary>
    private static double MaxDifferenceFromPredict<T>(INetwork<T> network, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NetworkArchitecture architecture = network.Architecture;
        int n0 = architecture.InputSize;
        int nL = architecture.OutputSize;
        RandomNetworks.Randomize(network, seed);
        T[] rows = RandomNetworks.Gaussian<T>(BatchSize * n0, seed + 1000);
        AssertHiddenUnitsSeeBothSigns(network, rows);

        using var session = new InferenceSession(Export(network));
        double largest = 0;
        foreach (int batch in new[] { 1, BatchSize })
        {
            T[] input = rows[..(batch * n0)];
            using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [batch, n0]);
            using var runOptions = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> results = session.Run(runOptions, [OnnxExport.InputName], [inputValue], [OnnxExport.OutputName]);
            OrtValue result = results.Single();
            Assert.Equal([batch, nL], result.GetTensorTypeAndShape().Shape);
            ReadOnlySpan<T> y = result.GetTensorDataAsSpan<T>();

            var predicted = new T[nL];
            for (int example = 0; example < batch; example++)
            {
                network.Predict(input.AsSpan(example * n0, n0), predicted);
                for (int k = 0; k < nL; k++)
                    largest = Math.Max(largest, Math.Abs(double.CreateTruncating(y[example * nL + k] - predicted[k])));
            }
        }
        return largest;
    }

    /// <summary>A comparison that never crosses zero would not tell relu from linear: require both signs in every hidden Z.</summary>
    private static void AssertHiddenUnitsSeeBothSigns<T>(INetwork<T> network, T[] rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NetworkArchitecture architecture = network.Architecture;
        NetworkCache<T> cache = network.CreateCache(BatchSize);
        network.Forward(RandomNetworks.Transpose<T>(rows, BatchSize, architecture.InputSize), cache);
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            Span<T> z = cache.Z(l);
            Assert.True(z.ToArray().Any(T.IsNegative) && z.ToArray().Any(T.IsPositive), $"Z{l} of {architecture} does not take both signs");
        }
    }

    private static void AssertMatrix(IReadOnlyDictionary<string, NodeMetadata> metadata, string name, TensorElementType elementType, int columns)
    {
        NodeMetadata value = Assert.Single(metadata, pair => pair.Key == name).Value;
        Assert.Equal(elementType, value.ElementDataType);
        Assert.Equal([-1, columns], value.Dimensions);
        Assert.Equal(["batch", ""], value.SymbolicDimensions);
    }

    private static byte[] Export<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream();
        OnnxExport.Save(network, stream);
        return stream.ToArray();
    }
}
