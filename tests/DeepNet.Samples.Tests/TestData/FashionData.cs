using System;
using System.IO;
using FashionMnist;

namespace DeepNet.Samples.Tests.TestData;

/// <summary>
/// Fashion-MNIST as Debian's <c>dataset-fashion-mnist</c> installs it, loaded once per test run with the sample's reader.
/// Tests that use it are marked <see cref="FashionDataFactAttribute"/>, which skips them when it is absent.
/// </summary>
internal static class FashionData
{
    private static readonly Lazy<(FashionImageSet Train, FashionImageSet Test)> s_sets = new(() =>
        FashionMnistFiles.Load(MissingReason is null ? Directory : throw new InvalidOperationException(MissingReason)));

    /// <summary>The folder the tests read: <see cref="FashionMnistFiles.DebianDirectory"/>.</summary>
    public const string Directory = FashionMnistFiles.DebianDirectory;

    /// <summary>Why the data tests are skipped, or null when the four files are present.</summary>
    public static string? MissingReason { get; } = Locate();

    /// <summary>The 60000 training images.</summary>
    public static FashionImageSet Train => s_sets.Value.Train;

    /// <summary>The 10000 test images.</summary>
    public static FashionImageSet Test => s_sets.Value.Test;

    private static string? Locate()
    {
        if (!System.IO.Directory.Exists(Directory))
            return $"Fashion-MNIST is absent: {Directory} does not exist (install Debian's dataset-fashion-mnist).";
        foreach (string name in new[] { FashionMnistFiles.TrainImages, FashionMnistFiles.TrainLabels, FashionMnistFiles.TestImages, FashionMnistFiles.TestLabels })
        {
            if (!File.Exists(Path.Combine(Directory, name + ".gz")) && !File.Exists(Path.Combine(Directory, name)))
                return $"Fashion-MNIST is incomplete: {Path.Combine(Directory, name)}(.gz) does not exist (reinstall Debian's dataset-fashion-mnist).";
        }
        return null;
    }
}
