using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO.Compression;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using DeepNet.Persistence;

namespace DeepNet.Interop;

/// <summary>
/// Saves and loads a network's parameters as the course's parameter dictionary in numpy's <c>.npz</c> format, so that
/// a model trained in the notebook loads into the generated network and back:
/// <code>
/// np.savez("model.npz", **parameters)                 # parameters = {"W1": ..., "b1": ..., ...}
/// parameters = dict(np.load("model.npz"))
/// </code>
/// <para>
/// The archive holds one <c>.npy</c> array per key <c>W1</c>, <c>b1</c>, …, <c>WL</c>, <c>bL</c>: W[l] of shape
/// (nl, n(l−1)) and b[l] of shape (nl, 1), in the network's precision (<c>&lt;f8</c> for double, <c>&lt;f4</c> for float),
/// C order, .npy format version 1.0 with the header padded to 64 bytes.
/// </para>
/// <para>
/// Loading accepts <c>&lt;f8</c> and <c>&lt;f4</c> arrays in either precision (float64 values are rounded to the nearest
/// float for a float network; a value too large for float is an error), in C or Fortran order (a Fortran-order array,
/// such as <c>np.asfortranarray(W)</c>, is read column by column into the row-major parameters), from a stored or a
/// compressed archive (<c>np.savez</c> or <c>np.savez_compressed</c>). Every key and shape is checked against the
/// architecture: a missing key, an extra key or a wrong shape is an <see cref="NpzFileException"/> that names the key,
/// the expected shape and the one found. The whole file is read and checked before the network is touched.
/// </para>
/// </summary>
public static class NpzFile
{
    /// <summary>Buffer size for converting array data, in elements.</summary>
    private const int ChunkElements = 4096;

    /// <summary>Zip entries carry this fixed time, so that saving the same parameters gives the same bytes.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Saves the parameters of <paramref name="network"/> to <paramref name="path"/> atomically: a previous file stays intact until the new one is complete.</summary>
    public static void Save<T>(INetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, stream => Save(network, stream));
    }

    /// <summary>Writes the parameters of <paramref name="network"/> as a .npz archive to <paramref name="stream"/>.</summary>
    public static void Save<T>(INetwork<T> network, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        string descr = typeof(T) == typeof(double) ? NpyHeader.Float64 : NpyHeader.Float32;
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (ParameterArray array in ArraysOf(network.Architecture))
        {
            ZipArchiveEntry entry = archive.CreateEntry(array.Key + ".npy", CompressionLevel.NoCompression);
            entry.LastWriteTime = EntryTime;
            using Stream entryStream = entry.Open();
            entryStream.Write(NpyHeader.Encode(descr, [array.Rows, array.Columns]));
            WriteLittleEndian(network.Parameters.Slice(array.Offset, array.Rows * array.Columns), entryStream);
        }
    }

    /// <summary>Loads the parameters in the .npz file at <paramref name="path"/> into <paramref name="network"/>, or throws and leaves it unchanged.</summary>
    /// <exception cref="NpzFileException">The file is not a .npz archive of the network's parameter dictionary.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static void Load<T>(INetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Load(network, stream);
    }

    /// <summary>Loads the parameters in the .npz archive in <paramref name="stream"/> into <paramref name="network"/>, or throws and leaves it unchanged.</summary>
    /// <exception cref="NpzFileException">The data is not a .npz archive of the network's parameter dictionary.</exception>
    public static void Load<T>(INetwork<T> network, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        NetworkArchitecture architecture = network.Architecture;
        ParameterArray[] arrays = ArraysOf(architecture);
        var parameters = new T[architecture.ParameterCount];
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            Dictionary<string, ZipArchiveEntry> entries = EntriesByKey(archive, arrays, architecture);
            foreach (ParameterArray array in arrays)
                ReadArray(entries[array.Key], array, parameters.AsSpan(array.Offset, array.Rows * array.Columns));
        }
        catch (InvalidDataException e)
        {
            throw new NpzFileException($"The .npz archive is damaged or not a zip archive: {e.Message}", e);
        }
        parameters.CopyTo(network.Parameters);
    }

    /// <summary>The arrays W1, b1, … in parameter order.</summary>
    private static ParameterArray[] ArraysOf(NetworkArchitecture architecture)
    {
        var arrays = new ParameterArray[2 * architecture.LayerCount];
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            arrays[2 * l - 2] = new ParameterArray($"W{l}", architecture.LayerSize(l), architecture.LayerSize(l - 1), architecture.WeightOffset(l));
            arrays[2 * l - 1] = new ParameterArray($"b{l}", architecture.LayerSize(l), 1, architecture.BiasOffset(l));
        }
        return arrays;
    }

    /// <summary>Maps each key (the entry name without <c>.npy</c>) to its entry; the keys must be exactly the architecture's.</summary>
    private static Dictionary<string, ZipArchiveEntry> EntriesByKey(ZipArchive archive, ParameterArray[] arrays, NetworkArchitecture architecture)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            string key = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
            if (!entries.TryAdd(key, entry))
                throw new NpzFileException($"The .npz archive holds the key '{key}' twice.");
        }

        string[] expected = arrays.Select(a => a.Key).ToArray();
        string[] missing = expected.Where(key => !entries.ContainsKey(key)).ToArray();
        string[] unexpected = entries.Keys.Where(key => !expected.Contains(key, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0 || unexpected.Length > 0)
        {
            var problems = new List<string>();
            if (missing.Length > 0)
                problems.Add($"missing {string.Join(", ", missing)}");
            if (unexpected.Length > 0)
                problems.Add($"unexpected {string.Join(", ", unexpected)}");
            throw new NpzFileException($"The .npz archive does not hold the parameters of a {architecture} network: {string.Join("; ", problems)}. Expected exactly the keys {string.Join(", ", expected)}.");
        }
        return entries;
    }

    /// <summary>Reads one array into <paramref name="destination"/> (row-major), checking its header, shape and length first.</summary>
    private static void ReadArray<T>(ZipArchiveEntry entry, ParameterArray array, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using Stream stream = entry.Open();
        NpyHeader header = NpyHeader.Read(stream, array.Key);
        int elementSize = header.Descr switch
        {
            NpyHeader.Float64 => sizeof(double),
            NpyHeader.Float32 => sizeof(float),
            _ => throw new NpzFileException($"{array.Key}: dtype '{header.Descr}' is not supported; '{NpyHeader.Float64}' (float64) or '{NpyHeader.Float32}' (float32), little-endian, is expected."),
        };
        long[] expectedShape = [array.Rows, array.Columns];
        if (!header.Shape.SequenceEqual(expectedShape))
            throw new NpzFileException($"{array.Key}: expected shape {NpyHeader.FormatShape(expectedShape)}, found {NpyHeader.FormatShape(header.Shape)}.");

        long expectedBytes = (long)destination.Length * elementSize;
        var buffer = new byte[ChunkElements * elementSize];
        long readBytes = 0;
        int element = 0;
        while (element < destination.Length)
        {
            int count = Math.Min(ChunkElements, destination.Length - element);
            int read = ReadAtMost(stream, buffer.AsSpan(0, count * elementSize));
            readBytes += read;
            if (read < count * elementSize)
                throw new NpzFileException($"{array.Key}: the array data is truncated: {readBytes} of the {expectedBytes} bytes that a {NpyHeader.FormatShape(expectedShape)} '{header.Descr}' array takes.");
            for (int k = 0; k < count; k++, element++)
            {
                // Element number `element` in storage order is (i, j) = C: (element / columns, element % columns), Fortran: (element % rows, element / rows).
                int i = header.FortranOrder ? element % array.Rows : element / array.Columns;
                int j = header.FortranOrder ? element / array.Rows : element % array.Columns;
                destination[i * array.Columns + j] = Convert<T>(buffer.AsSpan(k * elementSize, elementSize), array.Key, i, j);
            }
        }
        if (stream.ReadByte() >= 0)
            throw new NpzFileException($"{array.Key}: more data follows the {expectedBytes} bytes of a {NpyHeader.FormatShape(expectedShape)} '{header.Descr}' array.");
    }

    private static T Convert<T>(ReadOnlySpan<byte> bytes, string key, int row, int column)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (bytes.Length == sizeof(float))
            return T.CreateTruncating(BinaryPrimitives.ReadSingleLittleEndian(bytes));
        double value = BinaryPrimitives.ReadDoubleLittleEndian(bytes);
        T converted = T.CreateTruncating(value);
        if (double.IsFinite(value) && !T.IsFinite(converted))
            throw new NpzFileException($"{key}[{row}, {column}] = {value:R} does not fit in the network's {typeof(T).Name} parameters.");
        return converted;
    }

    private static void WriteLittleEndian<T>(ReadOnlySpan<T> values, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }
        Span<byte> bytes = stackalloc byte[sizeof(double)];
        foreach (T value in values)
        {
            if (typeof(T) == typeof(double))
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes, double.CreateTruncating(value));
                stream.Write(bytes[..sizeof(double)]);
            }
            else
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes, float.CreateTruncating(value));
                stream.Write(bytes[..sizeof(float)]);
            }
        }
    }

    private static int ReadAtMost(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer[total..]);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }

    /// <summary>One entry of the parameter dictionary: its key, its shape and its offset in the parameter layout.</summary>
    private readonly record struct ParameterArray(string Key, int Rows, int Columns, int Offset);
}
