using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using CatClassifier;
using DeepNet.Application.Tests.TestDoubles;
using DeepNet.Persistence;

namespace DeepNet.Application.Tests;

public sealed class ModelFileTests : IDisposable
{
    // Header: magic 4, version 2, element size 1, reserved 1, L 4, then n0 … nL as int32.
    private const int LayerCountOffset = 8;
    private const int SizesOffset = 12;

    private readonly string _folder = Directory.CreateTempSubdirectory("deepnet-modelfile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RoundTrip_DoubleNetwork_RestoresEveryParameterBitForBit()
    {
        var saved = NewTinyNet();
        string path = Path.Combine(_folder, "tiny.dngm");

        ModelFile.Save(saved, path);
        var loaded = new TinyNet();
        ModelFile.Load(loaded, path);

        Assert.Equal(ModelFile.FileLength(saved.Architecture), new FileInfo(path).Length);
        Assert.Equal(Bits(saved.Parameters), Bits(loaded.Parameters));
        Assert.Contains(loaded.Parameters.ToArray(), v => v != 0);
    }

    [Fact]
    public void RoundTrip_FloatNetwork_RestoresEveryParameterBitForBit()
    {
        var saved = new TinyFloatNet();
        saved.InitializeParameters(seed: 4);
        saved.b1[2] = -0.25f;
        using var stream = new MemoryStream();

        ModelFile.Save(saved, stream);
        stream.Position = 0;
        var loaded = new TinyFloatNet();
        ModelFile.Load(loaded, stream);

        Assert.Equal(ModelFile.FileLength(saved.Architecture), stream.Length);
        Assert.Equal(saved.Parameters.ToArray().Select(BitConverter.SingleToInt32Bits), loaded.Parameters.ToArray().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(4, stream.GetBuffer()[6]);
    }

    [Fact]
    public void RoundTrip_KeepsSpecialValues()
    {
        var saved = NewTinyNet();
        saved.W1[0] = -0.0;
        saved.W1[1] = double.Epsilon;
        saved.W1[2] = double.MaxValue;
        var loaded = new TinyNet();

        Load(loaded, Save(saved));

        Assert.Equal(Bits(saved.Parameters), Bits(loaded.Parameters));
    }

    [Fact]
    public void Load_OfAnotherArchitecture_NamesBoth_AndLeavesTheNetworkUnchanged()
    {
        byte[] tiny = Save(NewTinyNet());
        var other = new OtherTinyNet();
        other.InitializeParameters(seed: 9);
        double[] before = other.Parameters.ToArray();

        var e = Assert.Throws<ModelFileException>(() => Load(other, tiny));

        Assert.Contains("4-3-1 relu,sigmoid double", e.Message);
        Assert.Contains("4-5-1 relu,sigmoid double", e.Message);
        Assert.Equal(before, other.Parameters.ToArray());
    }

    [Fact]
    public void Load_OfAnotherPrecision_NamesBoth()
    {
        var floatNet = new TinyFloatNet();
        floatNet.InitializeParameters(seed: 1);
        using var stream = new MemoryStream();
        ModelFile.Save(floatNet, stream);

        var e = Assert.Throws<ModelFileException>(() => Load(NewTinyNet(), stream.ToArray()));

        Assert.Contains("4-3-1 relu,sigmoid float", e.Message);
        Assert.Contains("4-3-1 relu,sigmoid double", e.Message);
    }

    [Fact]
    public void Load_TheCatModelsIntoEachOther_NamesBothArchitectures()
    {
        var twoLayer = CatModel.TwoLayer.CreateInitialized();
        var e = Assert.Throws<ModelFileException>(() => Load(CatModel.Deep.Create(), Save(twoLayer)));

        Assert.Contains("12288-7-1 relu,sigmoid double", e.Message);
        Assert.Contains("12288-20-7-5-1 relu,relu,relu,sigmoid double", e.Message);
    }

    [Fact]
    public void Load_TruncatedAtEveryLength_Throws_AndLeavesTheNetworkUnchanged()
    {
        byte[] file = Save(NewTinyNet());
        var target = new TinyNet();
        target.InitializeParameters(seed: 7);
        double[] before = target.Parameters.ToArray();

        for (int length = 0; length < file.Length; length++)
        {
            var e = Assert.Throws<ModelFileException>(() => Load(target, file[..length]));
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.Equal(before, target.Parameters.ToArray());
        }
    }

    [Fact]
    public void Load_WithAnyBitFlipped_Throws_AndLeavesTheNetworkUnchanged()
    {
        byte[] file = Save(NewTinyNet());
        var target = new TinyNet();
        target.InitializeParameters(seed: 7);
        double[] before = target.Parameters.ToArray();

        for (int bit = 0; bit < file.Length * 8; bit++)
        {
            byte[] corrupted = file.ToArray();
            corrupted[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Throws<ModelFileException>(() => Load(target, corrupted));
            Assert.Equal(before, target.Parameters.ToArray());
        }
    }

    [Fact]
    public void Load_WithBytesAppended_Throws()
    {
        byte[] file = Save(NewTinyNet());
        var e = Assert.Throws<ModelFileException>(() => Load(new TinyNet(), [.. file, 0]));
        Assert.Contains("longer", e.Message);
    }

    [Fact]
    public void Load_OfSomethingElse_SaysItIsNotAModelFile()
    {
        byte[] text = "Cost after iteration 0: 0.7717493284237686\n"u8.ToArray();
        var e = Assert.Throws<ModelFileException>(() => Load(new TinyNet(), text));
        Assert.Contains("not a DeepNet model file", e.Message);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(4097)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Load_OfAHeaderWithAnAbsurdLayerCount_IsRejectedWithoutAllocatingForIt(int layerCount)
    {
        byte[] file = Save(NewTinyNet());
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(LayerCountOffset), layerCount);
        Resign(file);

        long allocated = AllocatedWhile(() => Assert.Throws<ModelFileException>(() => Load(new TinyNet(), file)));

        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Load_OfAHeaderWithAbsurdLayerSizes_IsRejectedWithoutAllocatingForThem()
    {
        byte[] file = Save(NewTinyNet());
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(SizesOffset), int.MaxValue);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(SizesOffset + 4), int.MaxValue);
        Resign(file);

        ModelFileException? e = null;
        long allocated = AllocatedWhile(() => e = Assert.Throws<ModelFileException>(() => Load(new TinyNet(), file)));

        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated");
        Assert.Contains("impossible architecture", e!.Message);
    }

    [Fact]
    public void Load_OfAHeaderWithANegativeLayerSize_IsRejected()
    {
        byte[] file = Save(NewTinyNet());
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(SizesOffset + 4), -3);
        Resign(file);

        var e = Assert.Throws<ModelFileException>(() => Load(new TinyNet(), file));
        Assert.Contains("n1 = -3", e.Message);
    }

    [Fact]
    public void Save_ToAPath_ReplacesTheFile_AndLeavesNoTemporaryFile()
    {
        string path = Path.Combine(_folder, "model.dngm");
        ModelFile.Save(NewTinyNet(), path);
        var second = NewTinyNet();
        second.W1[0] = 42;

        ModelFile.Save(second, path);

        Assert.Equal([path], Directory.GetFiles(_folder));
        var loaded = new TinyNet();
        ModelFile.Load(loaded, path);
        Assert.Equal(42, loaded.W1[0]);
    }

    [Fact]
    public void Save_ToAPath_ThatFailsMidway_KeepsThePreviousFileByteForByte_AndLeavesNoTemporaryFile()
    {
        string path = Path.Combine(_folder, "model.dngm");
        ModelFile.Save(NewTinyNet(), path);
        byte[] previous = File.ReadAllBytes(path);
        var failing = new FailingNetwork(new OtherTinyNet());

        Assert.Throws<InvalidOperationException>(() => ModelFile.Save(failing, path));

        Assert.Equal(previous, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Save_IntoAMissingFolder_Throws_AndCreatesNothing()
    {
        string path = Path.Combine(_folder, "missing", "model.dngm");
        Assert.Throws<DirectoryNotFoundException>(() => ModelFile.Save(NewTinyNet(), path));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void Save_ToAStreamThatFails_LeavesBytesThatNeverLoad()
    {
        var saved = NewTinyNet();
        int length = ModelFile.FileLength(saved.Architecture);
        var target = new TinyNet();
        target.InitializeParameters(seed: 7);
        double[] before = target.Parameters.ToArray();

        for (int limit = 0; limit < length; limit++)
        {
            using var stream = new ThrowingStream(limit);
            Assert.Throws<IOException>(() => ModelFile.Save(saved, stream));
            Assert.Equal(limit, stream.Length);
            Assert.Throws<ModelFileException>(() => Load(target, stream.ToArray()));
            Assert.Equal(before, target.Parameters.ToArray());
        }
    }

    [Fact]
    public void Load_OfAMissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => ModelFile.Load(new TinyNet(), Path.Combine(_folder, "absent.dngm")));
    }

    private static TinyNet NewTinyNet()
    {
        var network = new TinyNet();
        network.InitializeParameters(seed: 3);
        network.b1[0] = 0.5;
        network.b2[0] = -1.5;
        return network;
    }

    private static byte[] Save<T>(INetwork<T> network)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream();
        ModelFile.Save(network, stream);
        return stream.ToArray();
    }

    private static void Load<T>(INetwork<T> network, byte[] file)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream(file, writable: false);
        ModelFile.Load(network, stream);
    }

    /// <summary>Recomputes the SHA-256 trailer, so that only the edited header field is wrong.</summary>
    private static void Resign(byte[] file) =>
        SHA256.HashData(file.AsSpan(0, file.Length - 32), file.AsSpan(file.Length - 32));

    private static long[] Bits(Span<double> values) => values.ToArray().Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static long AllocatedWhile(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
