using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace DeepNet.Interop.Tests;

/// <summary>Files written by numpy load into generated networks, and files we write load in numpy, with identical values.</summary>
public sealed class NumpyInteropTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("deepnet-numpy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [NumpyFact]
    public void Files_written_by_numpy_load_with_identical_values()
    {
        Dictionary<string, Dictionary<string, ulong[]>> written =
            JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, ulong[]>>>(PythonNumpy.RunScript("write_npz.py", _folder, "7"))!;

        foreach (string file in new[] { "float64.npz", "fortran.npz", "compressed.npz", "float32.npz" })
        {
            var network = new ReluNet();
            NpzFile.Load(network, Path.Combine(_folder, file));
            AssertParameters(written[file], network.Architecture, network.Parameters.ToArray(), file);
        }

        var floatNetwork = new ReluFloatNet();
        NpzFile.Load(floatNetwork, Path.Combine(_folder, "float32.npz"));
        AssertParameters(written["float32.npz"], floatNetwork.Architecture, floatNetwork.Parameters.ToArray().Select(v => (double)v).ToArray(), "float32.npz in a float network");

        // The Fortran variant exercises column-major reading only if numpy really wrote its matrices that way.
        using var fortran = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_folder, "fortran.npz"));
        using var w2 = new StreamReader(fortran.GetEntry("W2.npy")!.Open(), Encoding.Latin1);
        Assert.Contains("'fortran_order': True", w2.ReadLine());
    }

    [NumpyFact]
    public void Files_we_write_load_in_numpy_with_identical_values()
    {
        var doubleNetwork = new LeakyReluNet();
        RandomNetworks.Randomize(doubleNetwork, 41);
        var floatNetwork = new TanhFloatNet();
        RandomNetworks.Randomize(floatNetwork, 42);
        string doublePath = Path.Combine(_folder, "double.npz");
        string floatPath = Path.Combine(_folder, "float.npz");
        NpzFile.Save(doubleNetwork, doublePath);
        NpzFile.Save(floatNetwork, floatPath);

        using JsonDocument report = JsonDocument.Parse(PythonNumpy.RunScript("read_npz.py", doublePath, floatPath));

        AssertSeenByNumpy(report.RootElement.GetProperty(doublePath), doubleNetwork.Architecture, doubleNetwork.Parameters.ToArray(), "<f8");
        AssertSeenByNumpy(report.RootElement.GetProperty(floatPath), floatNetwork.Architecture, floatNetwork.Parameters.ToArray().Select(v => (double)v).ToArray(), "<f4");
    }

    /// <summary>Compares the network's W[l] and b[l] with numpy's arrays, bit for bit.</summary>
    private static void AssertParameters(Dictionary<string, ulong[]> arrays, NetworkArchitecture architecture, double[] parameters, string file)
    {
        Assert.Equal(2 * architecture.LayerCount, arrays.Count);
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            int rows = architecture.LayerSize(l);
            int columns = architecture.LayerSize(l - 1);
            Assert.Equal(arrays[$"W{l}"], Bits(parameters.AsSpan(architecture.WeightOffset(l), rows * columns)));
            Assert.Equal(arrays[$"b{l}"], Bits(parameters.AsSpan(architecture.BiasOffset(l), rows)));
        }
        Assert.True(parameters.All(v => v != 0), $"{file}: every parameter numpy wrote is non-zero, so a missed copy would show");
    }

    private static void AssertSeenByNumpy(JsonElement file, NetworkArchitecture architecture, double[] parameters, string dtype)
    {
        string[] keys = Enumerable.Range(1, architecture.LayerCount).SelectMany(l => new[] { $"W{l}", $"b{l}" }).ToArray();
        Assert.Equal(keys, file.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        JsonElement arrays = file.GetProperty("arrays");
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            int rows = architecture.LayerSize(l);
            int columns = architecture.LayerSize(l - 1);
            AssertArray(arrays.GetProperty($"W{l}"), dtype, [rows, columns], Bits(parameters.AsSpan(architecture.WeightOffset(l), rows * columns)));
            AssertArray(arrays.GetProperty($"b{l}"), dtype, [rows, 1], Bits(parameters.AsSpan(architecture.BiasOffset(l), rows)));
        }
    }

    private static void AssertArray(JsonElement array, string dtype, int[] shape, ulong[] bits)
    {
        Assert.Equal(dtype, array.GetProperty("dtype").GetString());
        Assert.Equal(shape, array.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(bits, array.GetProperty("bits").EnumerateArray().Select(b => b.GetUInt64()));
        Assert.Equal([1, 0], array.GetProperty("version").EnumerateArray().Select(v => v.GetInt32()));
        Assert.False(array.GetProperty("fortran_order").GetBoolean());
        Assert.Equal(0, array.GetProperty("data_offset").GetInt32() % 64);
    }

    private static ulong[] Bits(ReadOnlySpan<double> values) => values.ToArray().Select(v => (ulong)BitConverter.DoubleToInt64Bits(v)).ToArray();
}
