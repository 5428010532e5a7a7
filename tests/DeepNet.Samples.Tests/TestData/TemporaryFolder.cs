using System;
using System.IO;

namespace DeepNet.Samples.Tests.TestData;

/// <summary>A fresh folder under the system's temporary folder, deleted with its contents on disposal.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("deepnet-fashion-test-").FullName;

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> in this folder and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
