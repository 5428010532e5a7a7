using System;
using System.Collections.Generic;
using System.IO;
using DeepNet.Persistence;

namespace CatClassifier;

/// <summary>Saves the trained models and loads them back for <c>--predict</c>.</summary>
public static class CatModelFiles
{
    public const string Extension = ".dngm";

    /// <summary>The file name a run writes <paramref name="model"/> to, such as <c>l-layer-model.dngm</c>.</summary>
    public static string FileName(CatModel model) => model.FileStem + Extension;

    /// <summary>Loads <paramref name="path"/> into a new network of <paramref name="model"/>, or of whichever model fits when it is null.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="ModelFileException">The file is not a valid model of the requested (or of either) architecture.</exception>
    public static (CatModel Model, ICatNetwork Network) Load(string path, CatModel? model)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The model file {Path.GetFullPath(path)} does not exist.", path);
        if (model is not null)
            return (model, LoadAs(model, path));

        var failures = new List<string>();
        foreach (CatModel candidate in CatModel.All)
        {
            try
            {
                return (candidate, LoadAs(candidate, path));
            }
            catch (ModelFileException e)
            {
                failures.Add($"  {candidate}: {e.Message}");
            }
        }
        throw new ModelFileException($"{path} is a model of neither architecture:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    private static ICatNetwork LoadAs(CatModel model, string path)
    {
        ICatNetwork network = model.Create();
        ModelFile.Load(network, path);
        return network;
    }
}
