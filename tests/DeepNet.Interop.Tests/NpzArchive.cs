using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace DeepNet.Interop.Tests;

/// <summary>Builds and takes apart .npz archives byte by byte, independently of <see cref="NpzFile"/>, to feed it well- and ill-formed files.</summary>
internal static class NpzArchive
{
    /// <summary>A zip archive of the given entries.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in entries)
            {
                using Stream entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }
        return stream.ToArray();
    }

    /// <summary>The entries of a zip archive, in order.</summary>
    public static List<(string Name, byte[] Content)> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(entry =>
        {
            using var content = new MemoryStream();
            using (Stream stream = entry.Open())
                stream.CopyTo(content);
            return (entry.FullName, content.ToArray());
        }).ToList();
    }

    /// <summary>A .npy array: magic, version, header length, the dict padded to 64 bytes with a final newline, then the data.</summary>
    public static byte[] Npy(string dictionary, byte[] data, byte major = 1)
    {
        int lengthSize = major == 1 ? 2 : 4;
        int preamble = 8 + lengthSize;
        int padding = (64 - (preamble + dictionary.Length + 1) % 64) % 64;
        string header = dictionary + new string(' ', padding) + "\n";
        var bytes = new byte[preamble + header.Length + data.Length];
        bytes[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", bytes.AsSpan(1));
        bytes[6] = major;
        if (major == 1)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        else
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)header.Length);
        Encoding.ASCII.GetBytes(header, bytes.AsSpan(preamble));
        data.CopyTo(bytes, preamble + header.Length);
        return bytes;
    }

    /// <summary>A float64 .npy array in C order.</summary>
    public static byte[] Float64(string shape, params double[] values) =>
        Npy($"{{'descr': '<f8', 'fortran_order': False, 'shape': {shape}, }}", Bytes(values));

    /// <summary>The little-endian bytes of <paramref name="values"/>.</summary>
    public static byte[] Bytes<T>(T[] values)
        where T : unmanaged
    {
        Assert.True(BitConverter.IsLittleEndian, "These tests build little-endian data on a little-endian machine.");
        return MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
    }

    /// <summary>The entries W1, b1, … of a network's parameters as float64 C-order arrays, which a test may then replace or drop.</summary>
    public static List<(string Name, byte[] Content)> Float64Entries(NetworkArchitecture architecture, ReadOnlySpan<double> parameters)
    {
        var entries = new List<(string, byte[])>();
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            int rows = architecture.LayerSize(l);
            int columns = architecture.LayerSize(l - 1);
            entries.Add(($"W{l}.npy", Float64($"({rows}, {columns})", parameters.Slice(architecture.WeightOffset(l), rows * columns).ToArray())));
            entries.Add(($"b{l}.npy", Float64($"({rows}, 1)", parameters.Slice(architecture.BiasOffset(l), rows).ToArray())));
        }
        return entries;
    }
}
