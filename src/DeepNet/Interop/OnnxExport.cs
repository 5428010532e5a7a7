using System;
using System.IO;
using System.Numerics;
using DeepNet.Persistence;
using Google.Protobuf;

namespace DeepNet.Interop;

/// <summary>
/// Exports a network as a standard ONNX model, so that a network trained and tested in C# can be served wherever
/// ONNX Runtime runs (servers, GPUs, other languages).
/// <para>
/// The graph computes, for each layer l = 1 … L, <c>Z{l} = Gemm(A{l−1}, W{l}, b{l}, transB = 1)</c> followed by the
/// layer's activation node (<c>Relu</c>, <c>LeakyRelu</c>, <c>Tanh</c>, <c>Sigmoid</c>; none for linear), with A0 = X.
/// The initializers <c>W{l}</c> (nl × n(l−1), row-major, as in the course) and <c>b{l}</c> (nl values) hold the
/// parameters in the network's precision: <c>DOUBLE</c> tensors for a double network, <c>FLOAT</c> for a float one.
/// </para>
/// <para>
/// ONNX's convention is one example per <b>row</b>: the input <see cref="InputName"/> is batch × n0 and the output
/// <see cref="OutputName"/> is batch × nL, the transpose of the course's X (n0 × m) and A[L] (nL × m). The batch
/// dimension is symbolic, so one model serves any batch size.
/// </para>
/// <para>
/// LeakyRelu's <c>alpha</c> attribute is a 32-bit float in the ONNX schema, which cannot hold the double slope 0.01
/// exactly; a double network's leaky relu layer is therefore written as <c>Max(Z, Mul(Z, 0.01))</c> with a DOUBLE slope,
/// the same function to the last bit.
/// </para>
/// </summary>
public static class OnnxExport
{
    /// <summary>The name of the graph's input: batch × n0, one example per row.</summary>
    public const string InputName = "X";

    /// <summary>The name of the graph's output: batch × nL, one example per row.</summary>
    public const string OutputName = "Y";

    /// <summary>The version of the default ONNX operator set the model imports.</summary>
    public const int OpsetVersion = 13;

    /// <summary>Saves <paramref name="network"/> as an ONNX model to <paramref name="path"/> atomically: a previous file stays intact until the new one is complete.</summary>
    /// <exception cref="ArgumentException">The parameters exceed the 2 GiB that one protobuf message holds.</exception>
    public static void Save<T>(INetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, stream => Save(network, stream));
    }

    /// <summary>Writes <paramref name="network"/> as an ONNX model to <paramref name="stream"/>.</summary>
    /// <exception cref="ArgumentException">The parameters exceed the 2 GiB that one protobuf message holds.</exception>
    public static void Save<T>(INetwork<T> network, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        OnnxModelBuilder.Build(network.Architecture, network.Parameters).WriteTo(stream);
    }
}
