using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace FashionMnist;

/// <summary>
/// Reads the IDX files of MNIST and Fashion-MNIST, gzipped or not (recognised by the gzip signature, whatever the file
/// name). An IDX file is a big-endian header followed by the values: the magic number 0x00 0x00 type dimensions
/// (type 0x08 = unsigned bytes), one 32-bit size per dimension, then the values in row-major order.
/// </summary>
public static class IdxFile
{
    /// <summary>Unsigned bytes in three dimensions: image count, rows, columns.</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Unsigned bytes in one dimension: label count.</summary>
    public const int LabelsMagic = 0x00000801;

    private const int UnsignedByteType = 0x08;

    /// <summary>Reads an image file: magic 0x00000803, then count, rows and columns, then count × rows × columns pixels.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a complete IDX image file; the message names it and says what is wrong.</exception>
    public static IdxImages ReadImages(string path)
    {
        var (data, sizes, holds) = Read(path, ImagesMagic, "an image file", ["count", "rows", "columns"]);
        int count = sizes[0], rows = sizes[1], columns = sizes[2];
        if (rows < 1 || columns < 1)
            throw Invalid(path, $"its header gives images of {rows} × {columns} pixels; rows and columns must be at least 1.");
        long pixelCount = (long)count * rows * columns;
        CheckLength(path, data, holds, sizes.Length, pixelCount, $"{count} images of {rows} × {columns} pixels");
        return new IdxImages(count, rows, columns, data.AsSpan(HeaderLength(sizes.Length)).ToArray());
    }

    /// <summary>Reads a label file: magic 0x00000801, then the count, then one byte per label.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a complete IDX label file; the message names it and says what is wrong.</exception>
    public static byte[] ReadLabels(string path)
    {
        var (data, sizes, holds) = Read(path, LabelsMagic, "a label file", ["count"]);
        int count = sizes[0];
        CheckLength(path, data, holds, sizes.Length, count, $"{count} labels");
        return data.AsSpan(HeaderLength(sizes.Length)).ToArray();
    }

    /// <summary>The file's bytes (decompressed) and the sizes of its header, checked against <paramref name="magic"/>.</summary>
    private static (byte[] Data, int[] Sizes, string Holds) Read(string path, int magic, string kind, string[] sizeNames)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (data, compressed) = Content(path);
        string holds = compressed ? "decompresses to" : "holds";
        int dimensions = sizeNames.Length;
        string sizeList = string.Join(", ", sizeNames);
        if (data.Length < 4)
            throw Invalid(path, $"it {holds} {data.Length} bytes, fewer than the 4 of an IDX magic number; {kind} starts with {Hex(magic)}.");
        int found = BinaryPrimitives.ReadInt32BigEndian(data);
        if (found != magic)
        {
            throw Invalid(path,
                $"its magic number is {Hex(found)}{Describe(found)}; {kind} starts with {Hex(magic)} " +
                $"(unsigned bytes in {Dimensions(dimensions)}: {sizeList}).");
        }
        int headerLength = HeaderLength(dimensions);
        if (data.Length < headerLength)
            throw Invalid(path, $"it {holds} {data.Length} bytes and ends inside its header, which is {headerLength} bytes long ({Hex(magic)}, then {sizeList}).");
        var sizes = new int[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(4 + 4 * d));
            if (size > int.MaxValue)
                throw Invalid(path, $"its header gives dimension {d + 1} ({sizeNames[d]}) a size of {size}, more than {int.MaxValue}.");
            sizes[d] = (int)size;
        }
        return (data, sizes, holds);
    }

    /// <summary>The values must fill the rest of the file exactly: fewer means it was cut short, more that the header is wrong.</summary>
    private static void CheckLength(string path, byte[] data, string holds, int dimensions, long valueCount, string announced)
    {
        long expected = HeaderLength(dimensions) + valueCount;
        if (data.Length < expected)
            throw Invalid(path, $"it is truncated: its header announces {announced}, {expected} bytes with the header, but it {holds} only {data.Length}.");
        if (data.Length > expected)
            throw Invalid(path, $"its header announces {announced}, {expected} bytes with the header, but it {holds} {data.Length}: {data.Length - expected} bytes too many.");
    }

    /// <summary>All bytes of the file, decompressed when it starts with the gzip signature 1F 8B.</summary>
    private static (byte[] Data, bool Compressed) Content(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{Path.GetFullPath(path)} does not exist.", path);
        byte[] bytes = File.ReadAllBytes(path);
        if (!IsGzip(bytes))
            return (bytes, false);
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var decompressed = new MemoryStream(capacity: DecompressedLengthHint(bytes));
            gzip.CopyTo(decompressed);
            return (decompressed.ToArray(), true);
        }
        catch (InvalidDataException e)
        {
            throw Invalid(path, $"it starts with the gzip signature but cannot be decompressed: {e.Message}", e);
        }
    }

    private static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    /// <summary>The length gzip records in its last four bytes (modulo 2³²), when plausible: the buffer then needs no regrowing.</summary>
    private static int DecompressedLengthHint(byte[] gzip)
    {
        uint recorded = gzip.Length >= 18 ? BinaryPrimitives.ReadUInt32LittleEndian(gzip.AsSpan(gzip.Length - 4)) : 0;
        return recorded is > 0 and <= 1 << 30 ? (int)recorded : gzip.Length;
    }

    private static int HeaderLength(int dimensions) => 4 + 4 * dimensions;

    private static string Hex(int value) => $"0x{value:X8}";

    private static string Dimensions(int count) => count == 1 ? "1 dimension" : $"{count} dimensions";

    /// <summary>What a magic number that was not the expected one means: helps with swapped image and label files.</summary>
    private static string Describe(int magic)
    {
        if ((magic & unchecked((int)0xFFFF0000)) != 0)
            return " (not an IDX file: an IDX magic number starts with two zero bytes)";
        int type = magic >> 8, dimensions = magic & 0xFF;
        if (type != UnsignedByteType)
            return $" (IDX values of type 0x{type:X2} in {Dimensions(dimensions)}; only unsigned bytes, type 0x08, are read)";
        string kind = magic switch { LabelsMagic => ": a label file", ImagesMagic => ": an image file", _ => "" };
        return $" (unsigned bytes in {Dimensions(dimensions)}{kind})";
    }

    private static InvalidDataException Invalid(string path, string problem, Exception? inner = null) =>
        new($"{Path.GetFullPath(path)}: {problem}", inner);
}
