using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace DeepNet.Gen.Tests.Infrastructure;

/// <summary>
/// Compares generated text with a committed <c>&lt;name&gt;.verified.cs</c> file. A mismatch (or a missing verified
/// file) writes <c>&lt;name&gt;.received.cs</c> next to it and fails with the first differing line. Setting
/// <see cref="AcceptVariable"/> overwrites the verified file instead, except on CI, where accepting is refused.
/// </summary>
internal sealed class SnapshotStore
{
    public const string AcceptVariable = "DEEPNET_ACCEPT_SNAPSHOTS";
    public const string CiVariable = "CI";
    public const string VersionPlaceholder = "{version}";

    private const string VerifiedSuffix = ".verified.cs";
    private const string ReceivedSuffix = ".received.cs";
    private const int ContextLines = 2;

    private static readonly Regex GeneratorVersion =
        new(@"(GeneratedCode\(""DeepNet\.Gen"", "")[^""]*("")", RegexOptions.CultureInvariant);

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly string _directory;
    private readonly Func<string, string?> _environment;

    /// <param name="directory">The folder holding the verified files.</param>
    /// <param name="environment">Reads an environment variable (injected so the accept and CI switches can be tested).</param>
    public SnapshotStore(string directory, Func<string, string?> environment)
    {
        _directory = directory;
        _environment = environment;
    }

    public string VerifiedPath(string name) => Path.Combine(_directory, name + VerifiedSuffix);

    public string ReceivedPath(string name) => Path.Combine(_directory, name + ReceivedSuffix);

    /// <summary>The text as it is compared and stored: LF line endings and the generator version replaced by <see cref="VersionPlaceholder"/>.</summary>
    public static string Scrub(string text) =>
        GeneratorVersion.Replace(NormalizeLineEndings(text), "${1}" + VersionPlaceholder + "${2}");

    public static string NormalizeLineEndings(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>Passes when <paramref name="actual"/>, scrubbed, equals the verified file <paramref name="name"/>; fails otherwise.</summary>
    public void Verify(string name, string actual)
    {
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new ArgumentException($"'{name}' is not a valid snapshot name.", nameof(name));
        if (!Directory.Exists(_directory))
            Assert.Fail($"The snapshot folder '{_directory}' does not exist (was the test project built with mapped source paths?).");

        string received = Scrub(actual);
        string verifiedPath = VerifiedPath(name);
        string receivedPath = ReceivedPath(name);

        if (IsOn(_environment(AcceptVariable)))
        {
            if (IsOn(_environment(CiVariable)))
            {
                Assert.Fail($"{AcceptVariable} is set while {CiVariable}=true: snapshots are never accepted on CI. " +
                            $"Accept them locally, review the {VerifiedSuffix} files and commit them.");
            }
            File.WriteAllText(verifiedPath, received, Utf8);
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, received, Utf8);
            Assert.Fail($"Snapshot '{name}' has no verified file '{verifiedPath}'. The output was written to '{receivedPath}': " +
                        $"review it and rename it to {VerifiedSuffix}, or rerun locally with {AcceptVariable}=1.");
        }

        string verified = NormalizeLineEndings(File.ReadAllText(verifiedPath));
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, Utf8);
        Assert.Fail(DescribeMismatch(name, verified, received, verifiedPath, receivedPath));
    }

    private static bool IsOn(string? value) =>
        string.Equals(value, "1", StringComparison.Ordinal) || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static string DescribeMismatch(string name, string verified, string received, string verifiedPath, string receivedPath)
    {
        string[] expected = Lines(verified);
        string[] actual = Lines(received);
        int line = 0;
        while (line < expected.Length && line < actual.Length && expected[line] == actual[line])
            line++;

        var message = new StringBuilder();
        if (line == expected.Length && line == actual.Length)
        {
            return $"Snapshot '{name}' differs from '{verifiedPath}' only in its final line break. " +
                   $"The output was written to '{receivedPath}'.";
        }
        message.Append($"Snapshot '{name}' differs from '{verifiedPath}' at line {line + 1} ")
               .AppendLine($"(verified: {expected.Length} lines, received: {actual.Length} lines).");
        for (int i = Math.Max(0, line - ContextLines); i < line; i++)
            message.AppendLine($"    {i + 1,5}   {expected[i]}");
        message.AppendLine($"  - {line + 1,5}   {LineOrEnd(expected, line)}   (verified)");
        message.AppendLine($"  + {line + 1,5}   {LineOrEnd(actual, line)}   (received)");
        message.Append($"The output was written to '{receivedPath}'. If the change is intended, rename it to {VerifiedSuffix} " +
                       $"or rerun locally with {AcceptVariable}=1.");
        return message.ToString();
    }

    /// <summary>The lines of <paramref name="text"/>, without the empty entry a final line break would add.</summary>
    private static string[] Lines(string text)
    {
        string[] lines = text.Split('\n');
        return lines.Length > 0 && lines[lines.Length - 1].Length == 0 ? lines[..^1] : lines;
    }

    private static string LineOrEnd(string[] lines, int index) => index < lines.Length ? lines[index] : "(end of file)";
}
