using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using DeepNet.Application.Tests.TestDoubles;
using DeepNet.Persistence;
using Xunit.Abstractions;

namespace DeepNet.Application.Tests;

/// <summary>
/// Model files are untrusted input: 10,000 seeded mutations of a valid file either load the identical model or throw
/// <see cref="ModelFileException"/>, never another exception, never a partial or silently changed load, and never
/// an allocation out of proportion to the file. And a save that fails at any byte leaves the previous file intact.
/// </summary>
public sealed class ModelFileFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Cases = 10_000;
    private const int LayerCountOffset = 8;
    private const int SizesOffset = 12;

    private readonly string _folder = Directory.CreateTempSubdirectory("deepnet-modelfuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EveryMutationLoadsTheSameModelOrThrowsTheDocumentedException()
    {
        var original = new SmallDeepNet();
        original.InitializeParameters(seed: 3);
        byte[] valid = Save(original);
        double[] expected = original.Parameters.ToArray();
        var random = new NumpyRandom(2026);
        var kinds = new int[6];
        int identical = 0, rejected = 0;
        long largestAllocation = 0;

        for (int i = 0; i < Cases; i++)
        {
            int kind = (int)(random.NextUInt32() % 6);
            kinds[kind]++;
            byte[] mutated = Mutate(valid, kind, random);
            var target = new SmallDeepNet();
            target.InitializeParameters(seed: 9);
            double[] before = target.Parameters.ToArray();

            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                ModelFile.Load(target, new MemoryStream(mutated, writable: false));
                Assert.True(mutated.AsSpan().SequenceEqual(valid), $"Case {i} (kind {kind}) loaded a file that differs from the saved one.");
                Assert.Equal(expected, target.Parameters.ToArray());
                identical++;
            }
            catch (ModelFileException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                Assert.Equal(before, target.Parameters.ToArray());
                rejected++;
            }
            largestAllocation = Math.Max(largestAllocation, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        }

        output.WriteLine($"{Cases} mutations (bit flips {kinds[0]}, truncations {kinds[1]}, extensions {kinds[2]}, overwritten runs {kinds[3]}, " +
            $"extreme header fields {kinds[4]}, random files {kinds[5]}): {identical} loaded identically, {rejected} rejected; largest allocation per load {largestAllocation} bytes for a {valid.Length}-byte file.");
        Assert.Equal(Cases, identical + rejected);
        Assert.True(largestAllocation < 64 * 1024 + 8L * valid.Length, $"A load allocated {largestAllocation} bytes for a {valid.Length}-byte model.");
    }

    [Fact]
    public void ASaveInterruptedAtAnyByteLeavesThePreviousFileByteIdentical()
    {
        string path = Path.Combine(_folder, "model.dngm");
        var previous = new SmallDeepNet();
        previous.InitializeParameters(seed: 1);
        ModelFile.Save(previous, path);
        byte[] previousBytes = File.ReadAllBytes(path);
        var next = new SmallDeepNet();
        next.InitializeParameters(seed: 2);
        int length = ModelFile.FileLength(next.Architecture);

        for (int limit = 0; limit < length; limit++)
        {
            int failAt = limit;
            Assert.Throws<IOException>(() => ModelFile.Save(next, path, stream => new FailingAfterStream(stream, failAt)));
            Assert.Equal(previousBytes, File.ReadAllBytes(path));
            Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
        }

        ModelFile.Save(next, path, stream => new FailingAfterStream(stream, length));
        var loaded = new SmallDeepNet();
        ModelFile.Load(loaded, path);
        Assert.Equal(next.Parameters.ToArray(), loaded.Parameters.ToArray());
        output.WriteLine($"Failures injected at each of the {length} write positions; the previous file survived every one.");
    }

    private static byte[] Save(SmallDeepNet network)
    {
        var stream = new MemoryStream();
        ModelFile.Save(network, stream);
        return stream.ToArray();
    }

    private static byte[] Mutate(byte[] valid, int kind, NumpyRandom random)
    {
        int Next(int bound) => (int)(random.NextUInt32() % (uint)bound);
        byte[] bytes = (byte[])valid.Clone();
        switch (kind)
        {
            case 0: // one to three bit flips anywhere
                for (int flips = 1 + Next(3); flips > 0; flips--)
                    bytes[Next(bytes.Length)] ^= (byte)(1 << Next(8));
                return bytes;
            case 1: // truncation
                return bytes[..Next(bytes.Length)];
            case 2: // extension by random bytes
                return bytes.Concat(Enumerable.Range(0, 1 + Next(64)).Select(_ => (byte)Next(256))).ToArray();
            case 3: // a run of random bytes overwritten
                int start = Next(bytes.Length);
                for (int k = start; k < Math.Min(bytes.Length, start + 1 + Next(16)); k++)
                    bytes[k] = (byte)Next(256);
                return bytes;
            case 4: // a header field set to an extreme
                int[] extremes = { int.MaxValue, int.MinValue, 0, -1, 1, 4096, 4097, 1 << 30 };
                int value = extremes[Next(extremes.Length)];
                int field = Next(3);
                int offset = field == 0 ? LayerCountOffset : field == 1 ? SizesOffset + 4 * Next(4) : bytes.Length - 32 - 8 * (1 + Next(4));
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), value);
                return bytes;
            default: // random bytes of a random length, sometimes behind the right magic
                byte[] noise = Enumerable.Range(0, Next(2 * valid.Length)).Select(_ => (byte)Next(256)).ToArray();
                if (noise.Length >= 4 && Next(2) == 0)
                    "DNGM"u8.CopyTo(noise);
                return noise;
        }
    }
}
