using System;
using System.IO;
using System.Text.Json;

namespace DeepNet.Tests.TestData;

/// <summary>
/// Reads the course's test cases from <c>../shared/reference/course_testcases.json</c> beside the repository
/// (the folder holding <c>DeepNet.Gen.sln</c>). Tests that use it are marked <see cref="CourseFactAttribute"/>,
/// which skips them when the file is absent.
/// </summary>
internal static class CourseTestCases
{
    private const string SolutionFile = "DeepNet.Gen.sln";
    private static readonly (string? Path, string? MissingReason) s_location = Locate();
    private static readonly Lazy<JsonDocument> s_document = new(Load);

    /// <summary>The JSON file's full path, or null when the repository root or the file cannot be found.</summary>
    public static string? FilePath => s_location.Path;

    /// <summary>Why course tests are skipped, or null when the file is present.</summary>
    public static string? MissingReason => s_location.MissingReason;

    /// <summary>The top-level test case <paramref name="name"/>, such as <c>L_model_forward_2hidden</c>.</summary>
    public static JsonCase Case(string name) => new JsonCase(s_document.Value.RootElement, "course_testcases.json").Object(name);

    private static JsonDocument Load()
    {
        if (FilePath is null)
            throw new InvalidOperationException(MissingReason);
        return JsonDocument.Parse(File.ReadAllBytes(FilePath));
    }

    private static (string? Path, string? MissingReason) Locate()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                continue;
            string path = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "reference", "course_testcases.json"));
            return File.Exists(path)
                ? (path, null)
                : (null, $"The course reference data is absent: {path} (../shared/reference beside the repository) does not exist.");
        }
        return (null, $"The course reference data cannot be located: no folder holding {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
