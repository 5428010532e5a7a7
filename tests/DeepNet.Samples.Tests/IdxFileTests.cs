using System;
using System.IO;
using DeepNet.Samples.Tests.TestData;
using FashionMnist;

namespace DeepNet.Samples.Tests;

public sealed class IdxFileTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_OfAFileWrittenByTheTest_ReturnsItsSizesAndPixels(bool gzipped)
    {
        byte[] pixels = IdxWriter.Bytes(3 * 4 * 5, seed: 7);
        byte[] file = IdxWriter.Images(3, 4, 5, pixels);
        string path = _folder.Write(gzipped ? "images.gz" : "images", gzipped ? IdxWriter.Gzip(file) : file);

        IdxImages images = IdxFile.ReadImages(path);

        Assert.Equal((3, 4, 5), (images.Count, images.Rows, images.Columns));
        Assert.Equal(pixels, images.Pixels);
        Assert.Equal(pixels.AsSpan(2 * 20, 20).ToArray(), images.Image(2).ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadLabels_OfAFileWrittenByTheTest_ReturnsItsLabels(bool gzipped)
    {
        byte[] labels = [9, 0, 3, 3, 255, 1];
        byte[] file = IdxWriter.Labels(labels);
        string path = _folder.Write(gzipped ? "labels.gz" : "labels", gzipped ? IdxWriter.Gzip(file) : file);

        Assert.Equal(labels, IdxFile.ReadLabels(path));
    }

    [Fact]
    public void AGzippedFile_IsRecognisedByItsSignature_WhateverItsName()
    {
        byte[] labels = [4, 2];
        string path = _folder.Write("labels-without-extension", IdxWriter.Gzip(IdxWriter.Labels(labels)));

        Assert.Equal(labels, IdxFile.ReadLabels(path));
    }

    [Fact]
    public void AnEmptyImageFile_IsValid()
    {
        string path = _folder.Write("images", IdxWriter.Images(0, 28, 28, []));

        IdxImages images = IdxFile.ReadImages(path);

        Assert.Equal(0, images.Count);
        Assert.Empty(images.Pixels);
    }

    [Fact]
    public void ReadImages_OfALabelFile_SaysItIsALabelFile()
    {
        string path = _folder.Write("swapped", IdxWriter.Labels([1, 2, 3]));

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));

        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains("its magic number is 0x00000801 (unsigned bytes in 1 dimension: a label file); " +
            "an image file starts with 0x00000803 (unsigned bytes in 3 dimensions: count, rows, columns)", e.Message);
    }

    [Fact]
    public void ReadLabels_OfAnImageFile_SaysItIsAnImageFile()
    {
        string path = _folder.Write("swapped", IdxWriter.Images(1, 2, 2, [1, 2, 3, 4]));

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadLabels(path));

        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains("magic number is 0x00000803", e.Message);
        Assert.Contains("a label file starts with 0x00000801", e.Message);
    }

    [Fact]
    public void AFileThatIsNotIdx_IsRejectedByItsMagicNumber()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0];
        string path = _folder.Write("picture.png", png);

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));

        Assert.Contains("magic number is 0x89504E47 (not an IDX file: an IDX magic number starts with two zero bytes)", e.Message);
    }

    [Fact]
    public void IdxFloats_AreNotUnsignedBytes()
    {
        string path = _folder.Write("floats", IdxWriter.Header(0x00000D03, 1, 1, 1));

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));

        Assert.Contains("magic number is 0x00000D03 (IDX values of type 0x0D in 3 dimensions; only unsigned bytes, type 0x08, are read)", e.Message);
    }

    [Fact]
    public void AFileShorterThanTheMagicNumber_SaysHowLongItIs()
    {
        string path = _folder.Write("short", [0, 0]);

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadLabels(path));

        Assert.Contains("holds 2 bytes, fewer than the 4 of an IDX magic number", e.Message);
    }

    [Fact]
    public void AFileCutInsideItsHeader_SaysSo()
    {
        byte[] header = IdxWriter.Header(0x00000803, 1, 28, 28);
        string path = _folder.Write("cut", header.AsSpan(0, 10).ToArray());

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));

        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains("holds 10 bytes and ends inside its header, which is 16 bytes long", e.Message);
    }

    [Fact]
    public void ATruncatedImageFile_GivesTheAnnouncedAndTheActualLength()
    {
        byte[] file = IdxWriter.Images(3, 28, 28, IdxWriter.Bytes(3 * 784, seed: 1));
        string path = _folder.Write("truncated", file.AsSpan(0, file.Length - 100).ToArray());

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));

        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains("truncated: its header announces 3 images of 28 × 28 pixels, 2368 bytes with the header, but it holds only 2268", e.Message);
    }

    [Fact]
    public void ATruncatedGzippedFile_IsRejected_NamingTheFile()
    {
        byte[] compressed = IdxWriter.Gzip(IdxWriter.Images(50, 28, 28, IdxWriter.Bytes(50 * 784, seed: 2)));
        string path = _folder.Write("truncated.gz", compressed.AsSpan(0, compressed.Length / 2).ToArray());

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));

        Assert.StartsWith(path + ":", e.Message);
        Assert.True(e.Message.Contains("cannot be decompressed") || e.Message.Contains("truncated: its header announces 50 images"), e.Message);
    }

    [Fact]
    public void ACorruptGzippedFile_SaysItCannotBeDecompressed()
    {
        byte[] compressed = IdxWriter.Gzip(IdxWriter.Labels(IdxWriter.Bytes(1000, seed: 3, bound: 10)));
        compressed.AsSpan(10, 20).Fill(0xFF);
        string path = _folder.Write("corrupt.gz", compressed);

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadLabels(path));

        Assert.StartsWith(path + ": it starts with the gzip signature but cannot be decompressed", e.Message);
    }

    [Fact]
    public void ALabelFileWithFewerLabelsThanAnnounced_IsTruncated()
    {
        byte[] file = IdxWriter.Labels([1, 2, 3, 4, 5]);
        string path = _folder.Write("labels.gz", IdxWriter.Gzip(file.AsSpan(0, file.Length - 2).ToArray()));

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadLabels(path));

        Assert.Contains("truncated: its header announces 5 labels, 13 bytes with the header, but it decompresses to only 11", e.Message);
    }

    [Fact]
    public void AFileLongerThanItsHeaderAnnounces_SaysHowManyBytesTooMany()
    {
        byte[] file = IdxWriter.Labels([1, 2, 3]);
        string path = _folder.Write("long", [.. file, 7, 7]);

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadLabels(path));

        Assert.Contains("its header announces 3 labels, 11 bytes with the header, but it holds 13: 2 bytes too many", e.Message);
    }

    [Fact]
    public void ASizeBeyondInt32_IsRejected()
    {
        string path = _folder.Write("huge", IdxWriter.Header(0x00000803, unchecked((int)0x80000000), 28, 28));

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));

        Assert.Contains("dimension 1 (count) a size of 2147483648", e.Message);
    }

    [Fact]
    public void ImagesWithoutRowsOrColumns_AreRejected()
    {
        string path = _folder.Write("flat", IdxWriter.Images(2, 0, 28, []));

        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));

        Assert.Contains("images of 0 × 28 pixels", e.Message);
    }

    [Fact]
    public void AMissingFile_IsNamed()
    {
        string path = Path.Combine(_folder.Path, "absent");

        var e = Assert.Throws<FileNotFoundException>(() => IdxFile.ReadLabels(path));

        Assert.Contains(path, e.Message);
    }
}
