namespace DeepNet.Gen.Tests;

/// <summary>A representative network whose generated source is committed as <c>Snapshots/&lt;Name&gt;.verified.cs</c>.</summary>
/// <param name="Name">The snapshot's file name.</param>
/// <param name="Source">The user code declaring the network.</param>
/// <param name="HintName">The file name the generator must give the output.</param>
internal sealed record SnapshotCase(string Name, string Source, string HintName);
