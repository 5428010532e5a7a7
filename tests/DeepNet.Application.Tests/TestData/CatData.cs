using System;
using System.IO;
using CatClassifier;

namespace DeepNet.Application.Tests.TestData;

/// <summary>
/// The course's cat data set in <c>../shared/data</c> beside the repository, loaded once per test run with the sample's
/// loader. Tests that use it are marked <see cref="CatDataFactAttribute"/>, which skips them when it is absent.
/// </summary>
internal static class CatData
{
    private static readonly (string? Directory, string? MissingReason) s_location = Locate();
    private static readonly Lazy<(CatImageSet Train, CatImageSet Test)> s_sets = new(() =>
        CatDataFiles.Load(Directory ?? throw new InvalidOperationException(MissingReason)));

    /// <summary>The folder holding both files, or null.</summary>
    public static string? Directory => s_location.Directory;

    /// <summary>Why the data tests are skipped, or null when both files are present.</summary>
    public static string? MissingReason => s_location.MissingReason;

    /// <summary>train_catvnoncat.h5: 209 images.</summary>
    public static CatImageSet Train => s_sets.Value.Train;

    /// <summary>test_catvnoncat.h5: 50 images.</summary>
    public static CatImageSet Test => s_sets.Value.Test;

    private static (string?, string?) Locate()
    {
        string? directory = RepositoryPaths.DefaultDataDirectory();
        if (directory is null)
            return (null, $"The course's cat data set cannot be located: no folder holding {RepositoryPaths.SolutionFileName} above {AppContext.BaseDirectory}.");
        foreach (string file in new[] { CatDataFiles.TrainFileName, CatDataFiles.TestFileName })
        {
            if (!File.Exists(Path.Combine(directory, file)))
                return (null, $"The course's cat data set is absent: {Path.Combine(directory, file)} (../shared/data beside the repository) does not exist.");
        }
        return (directory, null);
    }
}
