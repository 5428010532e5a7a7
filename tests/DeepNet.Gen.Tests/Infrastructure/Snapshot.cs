using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace DeepNet.Gen.Tests.Infrastructure;

/// <summary>Verifies text against <c>Snapshots/&lt;name&gt;.verified.cs</c> in this test project's source folder.</summary>
internal static class Snapshot
{
    public static void Verify(string name, string actual) =>
        new SnapshotStore(SnapshotDirectory(), Environment.GetEnvironmentVariable).Verify(name, actual);

    /// <summary>The Snapshots folder beside this project's sources, found from this file's compile-time path so any working directory works.</summary>
    private static string SnapshotDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!, "Snapshots");
}
