using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace DeepNet.Samples.Tests.TestData;

/// <summary>Writes IDX files for the tests, byte by byte as the format says: big-endian magic and sizes, then the values.</summary>
internal static class IdxWriter
{
    /// <summary>An image file: 0x00000803, count, rows, columns, then the pixels.</summary>
    public static byte[] Images(int count, int rows, int columns, byte[] pixels) =>
        Concat(Header(0x00000803, count, rows, columns), pixels);

    /// <summary>A label file: 0x00000801, count, then the labels.</summary>
    public static byte[] Labels(byte[] labels) => Concat(Header(0x00000801, labels.Length), labels);

    /// <summary>A big-endian header: the magic number, then one 32-bit size per dimension.</summary>
    public static byte[] Header(int magic, params int[] sizes)
    {
        var header = new byte[4 + 4 * sizes.Length];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (int d = 0; d < sizes.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * d), sizes[d]);
        return header;
    }

    public static byte[] Gzip(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(content);
        return compressed.ToArray();
    }

    /// <summary>Deterministic pseudo-random bytes, each below <paramref name="bound"/>.</summary>
    public static byte[] Bytes(int count, int seed, int bound = 256)
    {
        var random = new Random(seed);
        var bytes = new byte[count];
        for (int i = 0; i < count; i++)
            bytes[i] = (byte)random.Next(bound);
        return bytes;
    }

    private static byte[] Concat(byte[] first, byte[] second)
    {
        var all = new byte[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
