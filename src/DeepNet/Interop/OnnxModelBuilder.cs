using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepNet.Interop.Onnx;
using DeepNet.Kernels;
using Google.Protobuf;

namespace DeepNet.Interop;

/// <summary>Builds the ONNX model that <see cref="OnnxExport"/> writes: Gemm + activation per layer over the network's parameters.</summary>
internal static class OnnxModelBuilder
{
    /// <summary>IR version 7 (ONNX 1.8) is the release that introduced opset 13.</summary>
    private const long IrVersion = 7;

    /// <summary>One protobuf message holds at most 2 GiB; leave room for everything but the parameters.</summary>
    private const long MaxParameterBytes = int.MaxValue - (1 << 20);

    private const string BatchDimension = "batch";
    private const string LeakySlopeName = "leaky_relu_slope";

    /// <summary>The model for <paramref name="architecture"/> with <paramref name="parameters"/> laid out as W1, b1, W2, b2, ….</summary>
    public static ModelProto Build<T>(NetworkArchitecture architecture, ReadOnlySpan<T> parameters)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (architecture.ElementType != typeof(T))
            throw new ArgumentException($"The network declares {architecture.ElementType.Name} parameters but implements INetwork<{typeof(T).Name}>.", nameof(architecture));
        if (parameters.Length != architecture.ParameterCount)
            throw new ArgumentException($"A {architecture} network has {architecture.ParameterCount} parameters; {parameters.Length} given.", nameof(parameters));
        long parameterBytes = (long)parameters.Length * Unsafe.SizeOf<T>();
        if (parameterBytes > MaxParameterBytes)
            throw new ArgumentException($"A {architecture} network has {parameterBytes} bytes of parameters, more than one ONNX (protobuf) file holds ({MaxParameterBytes}).", nameof(architecture));

        TensorProto.Types.DataType elementType = typeof(T) == typeof(double) ? TensorProto.Types.DataType.Double : TensorProto.Types.DataType.Float;
        var graph = new GraphProto
        {
            Name = "DeepNet",
            DocString = $"{architecture}: for l = 1 … {architecture.LayerCount}, Z{{l}} = A{{l-1}}·W{{l}}ᵀ + b{{l}} and A{{l}} = g{{l}}(Z{{l}}), with A0 = {OnnxExport.InputName} and A{architecture.LayerCount} = {OnnxExport.OutputName}; one example per row.",
        };
        graph.Input.Add(Matrix(OnnxExport.InputName, elementType, architecture.InputSize));
        graph.Output.Add(Matrix(OnnxExport.OutputName, elementType, architecture.OutputSize));

        bool leakySlopeAdded = false;
        string previous = OnnxExport.InputName;
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            int rows = architecture.LayerSize(l);
            int columns = architecture.LayerSize(l - 1);
            string weights = $"W{l}";
            string bias = $"b{l}";
            graph.Initializer.Add(Tensor(weights, elementType, parameters.Slice(architecture.WeightOffset(l), rows * columns), rows, columns));
            graph.Initializer.Add(Tensor(bias, elementType, parameters.Slice(architecture.BiasOffset(l), rows), rows));

            Activation activation = architecture.ActivationOf(l);
            string output = l == architecture.LayerCount ? OnnxExport.OutputName : $"A{l}";
            string linear = activation == Activation.Linear ? output : $"Z{l}";
            graph.Node.Add(Gemm(l, previous, weights, bias, linear));

            switch (activation)
            {
                case Activation.Linear:
                    break;
                case Activation.LeakyRelu when typeof(T) == typeof(double):
                    if (!leakySlopeAdded)
                    {
                        graph.Initializer.Add(Tensor(LeakySlopeName, elementType, [T.CreateTruncating(ActivationKernels.LeakySlope)]));
                        leakySlopeAdded = true;
                    }
                    string leak = $"{linear}_leak";
                    graph.Node.Add(Node($"layer{l}_leak", "Mul", [linear, LeakySlopeName], leak));
                    graph.Node.Add(Node($"layer{l}_leaky_relu", "Max", [linear, leak], output));
                    break;
                case Activation.LeakyRelu:
                    NodeProto leakyRelu = Node($"layer{l}_leaky_relu", "LeakyRelu", [linear], output);
                    leakyRelu.Attribute.Add(new AttributeProto
                    {
                        Name = "alpha",
                        Type = AttributeProto.Types.AttributeType.Float,
                        F = (float)ActivationKernels.LeakySlope,
                    });
                    graph.Node.Add(leakyRelu);
                    break;
                default:
                    graph.Node.Add(Node($"layer{l}_{NetworkArchitecture.NameOf(activation)}", OperatorOf(activation), [linear], output));
                    break;
            }
            previous = output;
        }

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "DeepNet.Gen",
            ProducerVersion = typeof(OnnxExport).Assembly.GetName().Version?.ToString(3) ?? string.Empty,
            DocString = $"A {architecture} network exported by DeepNet.Gen. Input {OnnxExport.InputName}: batch × {architecture.InputSize}; output {OnnxExport.OutputName}: batch × {architecture.OutputSize}; one example per row (the transpose of the course's X and A[L]).",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = OnnxExport.OpsetVersion });
        return model;
    }

    private static string OperatorOf(Activation activation) => activation switch
    {
        Activation.Relu => "Relu",
        Activation.Tanh => "Tanh",
        Activation.Sigmoid => "Sigmoid",
        Activation.Softmax => "Softmax",   // opset 13: over the last axis, each example's nL outputs
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "This activation has no single ONNX operator."),
    };

    /// <summary>Z = A·Wᵀ + b: A is batch × n(l−1), W is stored as the course's nl × n(l−1), b broadcasts over the rows.</summary>
    private static NodeProto Gemm(int layer, string input, string weights, string bias, string output)
    {
        NodeProto gemm = Node($"layer{layer}_gemm", "Gemm", [input, weights, bias], output);
        gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        return gemm;
    }

    private static NodeProto Node(string name, string operatorType, string[] inputs, string output)
    {
        var node = new NodeProto { Name = name, OpType = operatorType };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    /// <summary>A graph input or output of shape batch × <paramref name="columns"/>.</summary>
    private static ValueInfoProto Matrix(string name, TensorProto.Types.DataType elementType, int columns)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = columns });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = shape } },
        };
    }

    /// <summary>An initializer holding <paramref name="values"/> row-major as little-endian raw data.</summary>
    private static TensorProto Tensor<T>(string name, TensorProto.Types.DataType elementType, ReadOnlySpan<T> values, params long[] dimensions)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tensor = new TensorProto { Name = name, DataType = (int)elementType, RawData = ByteString.CopyFrom(LittleEndianBytes(values)) };
        tensor.Dims.AddRange(dimensions);
        return tensor;
    }

    private static byte[] LittleEndianBytes<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte[] bytes = MemoryMarshal.AsBytes(values).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            int size = Unsafe.SizeOf<T>();
            for (int i = 0; i < bytes.Length; i += size)
                bytes.AsSpan(i, size).Reverse();
        }
        return bytes;
    }
}
