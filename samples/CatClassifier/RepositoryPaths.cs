using System;
using System.IO;

namespace CatClassifier;

/// <summary>Finds the default data folder: <c>../shared/data</c> beside the repository (the folder holding <c>DeepNet.Gen.sln</c>).</summary>
public static class RepositoryPaths
{
    public const string SolutionFileName = "DeepNet.Gen.sln";

    /// <summary>The repository root above the current folder or above this program, or null when neither is inside it.</summary>
    public static string? FindRepositoryRoot() => FindRepositoryRoot(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>The first folder holding <see cref="SolutionFileName"/> at or above one of <paramref name="startFolders"/>, in order, or null.</summary>
    public static string? FindRepositoryRoot(params string[] startFolders)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        foreach (string start in startFolders)
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
                    return directory.FullName;
            }
        }
        return null;
    }

    /// <summary><c>../shared/data</c> relative to the repository root, or null outside the repository.</summary>
    public static string? DefaultDataDirectory() => DataDirectoryBeside(FindRepositoryRoot());

    /// <summary><c>../shared/data</c> relative to <paramref name="repositoryRoot"/>, or null when it is null.</summary>
    public static string? DataDirectoryBeside(string? repositoryRoot) =>
        repositoryRoot is null ? null : Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "data"));
}
