using System;
using System.Buffers.Binary;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace DeepNet.Persistence;

/// <summary>
/// Saves and loads a network's parameters in a small binary format (little-endian):
/// <list type="table">
/// <item><term>magic</term><description>4 bytes <c>DNGM</c></description></item>
/// <item><term>version</term><description>uint16, currently 1</description></item>
/// <item><term>element size</term><description>uint8: 8 for double, 4 for float; then one reserved zero byte</description></item>
/// <item><term>L</term><description>int32, the number of layers with parameters (1 … 4096)</description></item>
/// <item><term>sizes</term><description>L + 1 int32: n0 … nL</description></item>
/// <item><term>activations</term><description>L bytes: <see cref="Activation"/> values of layers 1 … L</description></item>
/// <item><term>parameter count</term><description>int64</description></item>
/// <item><term>parameters</term><description>W1, b1, W2, b2, … row-major, each an IEEE 754 value of the element size</description></item>
/// <item><term>checksum</term><description>32 bytes: SHA-256 of every byte before it</description></item>
/// </list>
/// Loading reads at most the size that the network's own architecture implies, checks everything before touching the
/// network, and throws <see cref="ModelFileException"/> for any file that is not exactly a model of that architecture.
/// Saving to a path is atomic: a temporary file in the same folder is written, flushed and renamed over the target.
/// </summary>
public static class ModelFile
{
    /// <summary>The first four bytes of every model file.</summary>
    public static ReadOnlySpan<byte> Magic => "DNGM"u8;

    /// <summary>The format version written by this library.</summary>
    public const ushort FormatVersion = 1;

    /// <summary>The most layers a file may declare; anything above is rejected before any allocation.</summary>
    public const int MaxLayerCount = 4096;

    private const int ChecksumLength = 32;
    private const int FixedHeaderLength = 12;

    /// <summary>Saves <paramref name="network"/> to <paramref name="path"/> atomically: the previous file stays intact until the new one is complete.</summary>
    public static void Save<T>(INetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Save(network, path, static stream => stream);
    }

    /// <summary>Saves atomically through <paramref name="wrap"/> around the temporary file's stream (a test seam for failing writes).</summary>
    internal static void Save<T>(INetwork<T> network, string path, Func<Stream, Stream> wrap)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, stream => Save(network, wrap(stream)));
    }

    /// <summary>Writes <paramref name="network"/> to <paramref name="stream"/>.</summary>
    public static void Save<T>(INetwork<T> network, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        NetworkArchitecture architecture = network.Architecture;
        byte[] bytes = new byte[FileLength(architecture)];
        int offset = WriteHeader(architecture, bytes);
        ReadOnlySpan<byte> parameters = MemoryMarshal.AsBytes(network.Parameters);
        if (BitConverter.IsLittleEndian)
        {
            parameters.CopyTo(bytes.AsSpan(offset));
        }
        else
        {
            foreach (T value in network.Parameters)
            {
                WriteLittleEndian(value, bytes.AsSpan(offset));
                offset += ElementSize(architecture);
            }
        }
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - ChecksumLength), bytes.AsSpan(bytes.Length - ChecksumLength));
        stream.Write(bytes);
    }

    /// <summary>Loads the parameters in <paramref name="path"/> into <paramref name="network"/>, or throws and leaves it unchanged.</summary>
    /// <exception cref="ModelFileException">The file is not a valid model of the network's architecture.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static void Load<T>(INetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Load(network, stream);
    }

    /// <summary>Loads parameters from <paramref name="stream"/> (read to its end) into <paramref name="network"/>, or throws and leaves it unchanged.</summary>
    /// <exception cref="ModelFileException">The data is not a valid model of the network's architecture.</exception>
    public static void Load<T>(INetwork<T> network, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        NetworkArchitecture expected = network.Architecture;
        int expectedLength = FileLength(expected);

        // A valid file is exactly as long as the network's architecture implies: read no more than that.
        byte[] bytes = new byte[expectedLength];
        int length = ReadAtMost(stream, bytes);
        bool extended = length == expectedLength && stream.ReadByte() >= 0;

        NetworkArchitecture stored = ReadHeader(bytes.AsSpan(0, length), out int headerLength);
        if (!stored.Equals(expected))
            throw new ModelFileException($"The model file holds a {stored} network, but the network to load is {expected}.");
        if (length < expectedLength)
            throw new ModelFileException($"The model file is truncated: {length} bytes of the {expectedLength} that a {expected} model takes.");
        if (extended)
            throw new ModelFileException($"The model file is longer than the {expectedLength} bytes that a {expected} model takes.");

        Span<byte> checksum = stackalloc byte[ChecksumLength];
        SHA256.HashData(bytes.AsSpan(0, expectedLength - ChecksumLength), checksum);
        if (!checksum.SequenceEqual(bytes.AsSpan(expectedLength - ChecksumLength)))
            throw new ModelFileException("The model file is corrupted: its SHA-256 checksum does not match its contents.");

        long count = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(headerLength - sizeof(long)));
        if (count != expected.ParameterCount)
            throw new ModelFileException($"The model file declares {count} parameters; a {expected} network has {expected.ParameterCount}.");

        var parameters = new T[expected.ParameterCount];
        ReadOnlySpan<byte> data = bytes.AsSpan(headerLength, expected.ParameterCount * ElementSize(expected));
        if (BitConverter.IsLittleEndian)
        {
            data.CopyTo(MemoryMarshal.AsBytes(parameters.AsSpan()));
        }
        else
        {
            for (int i = 0; i < parameters.Length; i++)
                parameters[i] = ReadLittleEndian<T>(data.Slice(i * ElementSize(expected)));
        }
        parameters.CopyTo(network.Parameters);
    }

    /// <summary>The length in bytes of a model file for <paramref name="architecture"/>.</summary>
    public static int FileLength(NetworkArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        long length = HeaderLength(architecture.LayerCount) + (long)architecture.ParameterCount * ElementSize(architecture) + ChecksumLength;
        if (length > Array.MaxLength)
            throw new ArgumentException($"A {architecture} model would take {length} bytes, more than one file buffer holds.", nameof(architecture));
        return (int)length;
    }

    private static int HeaderLength(int layerCount) => FixedHeaderLength + (layerCount + 1) * sizeof(int) + layerCount + sizeof(long);

    private static int ElementSize(NetworkArchitecture architecture) => architecture.ElementType == typeof(double) ? sizeof(double) : sizeof(float);

    private static int WriteHeader(NetworkArchitecture architecture, Span<byte> bytes)
    {
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[4..], FormatVersion);
        bytes[6] = (byte)ElementSize(architecture);
        bytes[7] = 0;
        BinaryPrimitives.WriteInt32LittleEndian(bytes[8..], architecture.LayerCount);
        int offset = FixedHeaderLength;
        foreach (int size in architecture.LayerSizes)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes[offset..], size);
            offset += sizeof(int);
        }
        foreach (Activation activation in architecture.Activations)
            bytes[offset++] = (byte)activation;
        BinaryPrimitives.WriteInt64LittleEndian(bytes[offset..], architecture.ParameterCount);
        return offset + sizeof(long);
    }

    /// <summary>Parses and validates the header; every field is checked before it is used to size anything.</summary>
    private static NetworkArchitecture ReadHeader(ReadOnlySpan<byte> bytes, out int headerLength)
    {
        if (bytes.Length < FixedHeaderLength)
            throw new ModelFileException($"The model file is truncated: {bytes.Length} bytes, fewer than the {FixedHeaderLength}-byte header start.");
        if (!bytes[..4].SequenceEqual(Magic))
            throw new ModelFileException("This is not a DeepNet model file: it does not start with the magic bytes 'DNGM'.");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        if (version != FormatVersion)
            throw new ModelFileException($"The model file has format version {version}; this library reads version {FormatVersion}.");
        byte elementSize = bytes[6];
        if (elementSize is not (sizeof(double) or sizeof(float)))
            throw new ModelFileException($"The model file declares an element size of {elementSize} bytes; 8 (double) or 4 (float) is expected.");
        if (bytes[7] != 0)
            throw new ModelFileException($"The model file's reserved header byte is {bytes[7]}; format version {FormatVersion} writes 0.");
        int layerCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        if (layerCount < 1 || layerCount > MaxLayerCount)
            throw new ModelFileException($"The model file declares {layerCount} layers; 1 … {MaxLayerCount} are expected.");
        headerLength = HeaderLength(layerCount);
        if (bytes.Length < headerLength)
            throw new ModelFileException($"The model file is truncated inside its header ({bytes.Length} of {headerLength} bytes).");

        var sizes = new int[layerCount + 1];
        int offset = FixedHeaderLength;
        for (int l = 0; l <= layerCount; l++, offset += sizeof(int))
        {
            sizes[l] = BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
            if (sizes[l] < 1)
                throw new ModelFileException($"The model file declares layer size n{l} = {sizes[l]}; every size must be at least 1.");
        }
        var activations = new Activation[layerCount];
        for (int l = 0; l < layerCount; l++)
        {
            byte code = bytes[offset++];
            if (!Enum.IsDefined((Activation)code))
                throw new ModelFileException($"The model file declares activation code {code} for layer {l + 1}; codes 0 … {Enum.GetValues<Activation>().Length - 1} are known.");
            activations[l] = (Activation)code;
        }
        try
        {
            return new NetworkArchitecture(sizes, activations, elementSize == sizeof(double) ? typeof(double) : typeof(float));
        }
        catch (ArgumentException e)
        {
            throw new ModelFileException($"The model file declares an impossible architecture: {e.Message}");
        }
    }

    private static int ReadAtMost(Stream stream, byte[] buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }

    private static void WriteLittleEndian<T>(T value, Span<byte> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
            BinaryPrimitives.WriteDoubleLittleEndian(destination, double.CreateTruncating(value));
        else
            BinaryPrimitives.WriteSingleLittleEndian(destination, float.CreateTruncating(value));
    }

    private static T ReadLittleEndian<T>(ReadOnlySpan<byte> source)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(double)
            ? T.CreateTruncating(BinaryPrimitives.ReadDoubleLittleEndian(source))
            : T.CreateTruncating(BinaryPrimitives.ReadSingleLittleEndian(source));
}
