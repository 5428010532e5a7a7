using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepNet.Interop.Tests;

/// <summary>.npz save and load in C#: round trips, the exact bytes written, conversions, and every kind of bad file.</summary>
public sealed class NpzFileTests
{
    [Fact]
    public void Double_parameters_round_trip_bit_for_bit()
    {
        var saved = new ReluNet();
        RandomNetworks.Randomize(saved, 21);
        var loaded = new ReluNet();

        NpzFile.Load(loaded, new MemoryStream(Save(saved)));

        Assert.Equal(Bits(saved.Parameters), Bits(loaded.Parameters));
    }

    [Fact]
    public void Float_parameters_round_trip_bit_for_bit()
    {
        var saved = new TanhFloatNet();
        RandomNetworks.Randomize(saved, 22);
        var loaded = new TanhFloatNet();

        NpzFile.Load(loaded, new MemoryStream(Save(saved)));

        Assert.Equal(saved.Parameters.ToArray(), loaded.Parameters.ToArray());
        Assert.NotEqual(0f, loaded.Parameters[^1]);
    }

    [Fact]
    public void Save_writes_W_and_b_as_version_1_npy_arrays_aligned_to_64_bytes()
    {
        var network = new ReluNet();
        RandomNetworks.Randomize(network, 23);
        NetworkArchitecture architecture = network.Architecture;

        List<(string Name, byte[] Content)> entries = NpzArchive.Unzip(Save(network));

        Assert.Equal(["W1.npy", "b1.npy", "W2.npy", "b2.npy", "W3.npy", "b3.npy"], entries.Select(e => e.Name));
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            int rows = architecture.LayerSize(l);
            int columns = architecture.LayerSize(l - 1);
            AssertNpy(entries[2 * l - 2].Content, $"({rows}, {columns})", "<f8", network.Parameters.Slice(architecture.WeightOffset(l), rows * columns).ToArray());
            AssertNpy(entries[2 * l - 1].Content, $"({rows}, 1)", "<f8", network.Parameters.Slice(architecture.BiasOffset(l), rows).ToArray());
        }
    }

    [Fact]
    public void Float_network_saves_f4_arrays()
    {
        var network = new LogisticFloatNet();
        RandomNetworks.Randomize(network, 24);

        List<(string Name, byte[] Content)> entries = NpzArchive.Unzip(Save(network));

        Assert.Equal(["W1.npy", "b1.npy"], entries.Select(e => e.Name));
        AssertNpy(entries[0].Content, "(1, 6)", "<f4", network.Parameters[..6].ToArray());
        AssertNpy(entries[1].Content, "(1, 1)", "<f4", network.Parameters[6..].ToArray());
    }

    [Fact]
    public void Saving_twice_gives_the_same_bytes()
    {
        var network = new SigmoidNet();
        RandomNetworks.Randomize(network, 25);

        Assert.Equal(Save(network), Save(network));
    }

    [Fact]
    public void Float32_arrays_load_exactly_into_a_double_network_and_float64_arrays_round_to_a_float_network()
    {
        var doubleNetwork = new ReluNet();
        RandomNetworks.Randomize(doubleNetwork, 26);
        var floatNetwork = new ReluFloatNet();

        NpzFile.Load(floatNetwork, new MemoryStream(Save(doubleNetwork)));
        float[] rounded = doubleNetwork.Parameters.ToArray().Select(v => (float)v).ToArray();
        Assert.Equal(rounded, floatNetwork.Parameters.ToArray());
        Assert.Contains(doubleNetwork.Parameters.ToArray(), v => (double)(float)v != v);

        var widened = new ReluNet();
        NpzFile.Load(widened, new MemoryStream(Save(floatNetwork)));
        Assert.Equal(rounded.Select(v => (double)v), widened.Parameters.ToArray());
    }

    [Fact]
    public void Fortran_order_arrays_are_read_column_by_column()
    {
        var reference = new ReluNet();
        RandomNetworks.Randomize(reference, 27);
        NetworkArchitecture architecture = reference.Architecture;
        List<(string Name, byte[] Content)> entries = NpzArchive.Float64Entries(architecture, reference.Parameters);
        double[] w2 = reference.Parameters.Slice(architecture.WeightOffset(2), 4 * 5).ToArray();
        double[] w2ColumnMajor = RandomNetworks.Transpose<double>(w2, 4, 5);
        entries[2] = ("W2.npy", NpzArchive.Npy("{'descr': '<f8', 'fortran_order': True, 'shape': (4, 5), }", NpzArchive.Bytes(w2ColumnMajor)));
        var loaded = new ReluNet();

        NpzFile.Load(loaded, new MemoryStream(NpzArchive.Zip(entries.ToArray())));

        Assert.Equal(Bits(reference.Parameters), Bits(loaded.Parameters));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Npy_format_versions_2_and_3_are_read(byte major)
    {
        var reference = new ReluNet();
        RandomNetworks.Randomize(reference, 28);
        List<(string Name, byte[] Content)> entries = NpzArchive.Float64Entries(reference.Architecture, reference.Parameters);
        double[] b3 = reference.Parameters[^3..].ToArray();
        entries[5] = ("b3.npy", NpzArchive.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3L, 1L), }", NpzArchive.Bytes(b3), major));
        var loaded = new ReluNet();

        NpzFile.Load(loaded, new MemoryStream(NpzArchive.Zip(entries.ToArray())));

        Assert.Equal(Bits(reference.Parameters), Bits(loaded.Parameters));
    }

    [Fact]
    public void Missing_and_extra_keys_are_named()
    {
        var reference = new ReluNet();
        List<(string Name, byte[] Content)> entries = NpzArchive.Float64Entries(reference.Architecture, reference.Parameters);
        entries.RemoveAt(5);
        entries.Add(("W4.npy", NpzArchive.Float64("(1, 3)", 1, 2, 3)));
        entries.Add(("notes.txt", Encoding.ASCII.GetBytes("trained in the notebook")));

        string message = LoadError(new ReluNet(), entries.ToArray());

        Assert.Contains("missing b3; unexpected W4, notes.txt", message);
        Assert.Contains("Expected exactly the keys W1, b1, W2, b2, W3, b3", message);
        Assert.Contains("6-5-4-3 relu,relu,sigmoid double", message);
    }

    [Fact]
    public void A_transposed_W_names_the_key_and_both_shapes()
    {
        var reference = new ReluNet();
        List<(string Name, byte[] Content)> entries = NpzArchive.Float64Entries(reference.Architecture, reference.Parameters);
        entries[2] = ("W2.npy", NpzArchive.Float64("(5, 4)", new double[20]));

        Assert.Equal("W2: expected shape (4, 5), found (5, 4).", LoadError(new ReluNet(), entries.ToArray()));
    }

    [Fact]
    public void A_one_dimensional_b_names_the_key_and_both_shapes()
    {
        var reference = new ReluNet();
        List<(string Name, byte[] Content)> entries = NpzArchive.Float64Entries(reference.Architecture, reference.Parameters);
        entries[1] = ("b1.npy", NpzArchive.Float64("(5,)", new double[5]));

        Assert.Equal("b1: expected shape (5, 1), found (5,).", LoadError(new ReluNet(), entries.ToArray()));
    }

    [Theory]
    [InlineData("<i8", "b2: dtype '<i8' is not supported")]
    [InlineData(">f8", "b2: dtype '>f8' is not supported")]
    public void Unsupported_dtypes_are_named(string descr, string expected)
    {
        var reference = new ReluNet();
        List<(string Name, byte[] Content)> entries = NpzArchive.Float64Entries(reference.Architecture, reference.Parameters);
        entries[3] = ("b2.npy", NpzArchive.Npy($"{{'descr': '{descr}', 'fortran_order': False, 'shape': (4, 1), }}", new byte[32]));

        Assert.StartsWith(expected, LoadError(new ReluNet(), entries.ToArray()));
    }

    [Fact]
    public void Truncated_and_extended_data_are_errors()
    {
        var reference = new ReluNet();
        List<(string Name, byte[] Content)> entries = NpzArchive.Float64Entries(reference.Architecture, reference.Parameters);
        byte[] b1 = entries[1].Content;

        entries[1] = ("b1.npy", b1[..^1]);
        Assert.StartsWith("b1: the array data is truncated: 39 of the 40 bytes", LoadError(new ReluNet(), entries.ToArray()));

        entries[1] = ("b1.npy", [.. b1, 0]);
        Assert.StartsWith("b1: more data follows the 40 bytes", LoadError(new ReluNet(), entries.ToArray()));
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False, }", "b1: the .npy header must have exactly the keys")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (5, 1), 'extra': 1, }", "b1: the .npy header must have exactly the keys")]
    [InlineData("{'descr': '<f8', 'fortran_order': 0, 'shape': (5, 1), }", "b1: the .npy header's 'fortran_order' is not True or False")]
    [InlineData("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (5, 1), }", "b1: the .npy header's 'descr' is not a simple dtype string")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (5, -1), }", "b1: the .npy header is not a valid Python dict literal")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (5, 1), } junk", "b1: the .npy header is not a valid Python dict literal")]
    [InlineData("{'descr': '<f8'", "b1: the .npy header is not a valid Python dict literal")]
    public void Malformed_headers_are_errors_that_name_the_key(string dictionary, string expected)
    {
        var reference = new ReluNet();
        List<(string Name, byte[] Content)> entries = NpzArchive.Float64Entries(reference.Architecture, reference.Parameters);
        entries[1] = ("b1.npy", NpzArchive.Npy(dictionary, new byte[40]));

        Assert.StartsWith(expected, LoadError(new ReluNet(), entries.ToArray()));
    }

    [Fact]
    public void A_file_that_is_not_npy_or_not_zip_is_an_error()
    {
        var reference = new ReluNet();
        List<(string Name, byte[] Content)> entries = NpzArchive.Float64Entries(reference.Architecture, reference.Parameters);
        entries[0] = ("W1.npy", Encoding.ASCII.GetBytes("W1 as text"));

        Assert.StartsWith("W1: not a .npy array", LoadError(new ReluNet(), entries.ToArray()));
        var error = Assert.Throws<NpzFileException>(() => NpzFile.Load(new ReluNet(), new MemoryStream(Encoding.ASCII.GetBytes("not a zip archive"))));
        Assert.StartsWith("The .npz archive is damaged or not a zip archive", error.Message);
    }

    [Fact]
    public void A_float64_value_beyond_float_range_is_an_error_for_a_float_network()
    {
        var reference = new ReluNet();
        reference.Parameters[reference.Architecture.WeightOffset(2) + 7] = 1e300;   // W2[1, 2]
        List<(string Name, byte[] Content)> entries = NpzArchive.Float64Entries(reference.Architecture, reference.Parameters);

        Assert.Equal("W2[1, 2] = 1E+300 does not fit in the network's Single parameters.", LoadError(new ReluFloatNet(), entries.ToArray()));
    }

    [Fact]
    public void A_failed_load_leaves_the_network_unchanged()
    {
        var source = new ReluNet();
        RandomNetworks.Randomize(source, 29);
        List<(string Name, byte[] Content)> entries = NpzArchive.Float64Entries(source.Architecture, source.Parameters);
        entries[5] = ("b3.npy", NpzArchive.Float64("(3, 2)", new double[6]));   // every array before b3 is valid
        var network = new ReluNet();
        RandomNetworks.Randomize(network, 30);
        long[] before = Bits(network.Parameters);

        Assert.StartsWith("b3: expected shape (3, 1), found (3, 2)", LoadError(network, entries.ToArray()));

        Assert.Equal(before, Bits(network.Parameters));
    }

    [Fact]
    public void Save_and_load_by_path_replace_the_file_atomically()
    {
        string folder = Directory.CreateTempSubdirectory("deepnet-npz-").FullName;
        try
        {
            string path = Path.Combine(folder, "parameters.npz");
            File.WriteAllText(path, "an older file");
            var saved = new LeakyReluNet();
            RandomNetworks.Randomize(saved, 31);

            NpzFile.Save(saved, path);
            var loaded = new LeakyReluNet();
            NpzFile.Load(loaded, path);

            Assert.Equal(Bits(saved.Parameters), Bits(loaded.Parameters));
            Assert.Equal(["parameters.npz"], Directory.GetFiles(folder).Select(Path.GetFileName));
            Assert.Throws<FileNotFoundException>(() => NpzFile.Load(loaded, Path.Combine(folder, "absent.npz")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => NpzFile.Save<double>(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => NpzFile.Save(new ReluNet(), (Stream)null!));
        Assert.Throws<ArgumentException>(() => NpzFile.Save(new ReluNet(), ""));
        Assert.Throws<ArgumentNullException>(() => NpzFile.Load<double>(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => NpzFile.Load(new ReluNet(), (Stream)null!));
        Assert.Throws<ArgumentException>(() => NpzFile.Load(new ReluNet(), ""));
    }

    private static byte[] Save<T>(INetwork<T> network)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream();
        NpzFile.Save(network, stream);
        return stream.ToArray();
    }

    private static string LoadError<T>(INetwork<T> network, (string Name, byte[] Content)[] entries)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        Assert.Throws<NpzFileException>(() => NpzFile.Load(network, new MemoryStream(NpzArchive.Zip(entries)))).Message;

    private static long[] Bits(ReadOnlySpan<double> values) => values.ToArray().Select(BitConverter.DoubleToInt64Bits).ToArray();

    /// <summary>Checks one .npy array byte by byte: magic, version 1.0, the dict, padding to 64 bytes, a final newline and the data.</summary>
    private static void AssertNpy<T>(byte[] npy, string shape, string descr, T[] values)
        where T : unmanaged
    {
        Assert.Equal([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0], npy[..8]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(npy.AsSpan(8));
        int dataStart = 10 + headerLength;
        Assert.Equal(0, dataStart % 64);
        string header = Encoding.ASCII.GetString(npy, 10, headerLength);
        Assert.Equal($"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}", header.TrimEnd(' ', '\n'));
        Assert.EndsWith("\n", header);
        Assert.Equal(NpzArchive.Bytes(values), npy[dataStart..]);
    }
}
