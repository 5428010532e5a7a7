using System;
using System.IO;
using System.Linq;
using System.Text;
using PureHDF;
using PureHDF.VOL.Native;

namespace CatClassifier;

/// <summary>
/// Reads the course's data set: <c>train_catvnoncat.h5</c> (209 images) and <c>test_catvnoncat.h5</c> (50 images), each
/// with <c>{train,test}_set_x</c> (m, 64, 64, 3) uint8, <c>{train,test}_set_y</c> (m,) integer labels and <c>list_classes</c>.
/// </summary>
public static class CatDataFiles
{
    public const string TrainFileName = "train_catvnoncat.h5";
    public const string TestFileName = "test_catvnoncat.h5";

    /// <summary>Loads the training and test sets from <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message names it.</exception>
    /// <exception cref="InvalidDataException">A file does not hold the expected data sets.</exception>
    public static (CatImageSet Train, CatImageSet Test) Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return (Read(Path.Combine(directory, TrainFileName), "train"), Read(Path.Combine(directory, TestFileName), "test"));
    }

    /// <summary>Reads <c>{prefix}_set_x</c>, <c>{prefix}_set_y</c> and <c>list_classes</c> from one file.</summary>
    public static CatImageSet Read(string path, string prefix)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The course data file {Path.GetFileName(path)} is missing: {Path.GetFullPath(path)} does not exist.", path);
        string name = Path.GetFileName(path);
        try
        {
            using var file = H5File.OpenRead(path);
            string xName = $"{prefix}_set_x";
            string yName = $"{prefix}_set_y";
            IH5Dataset xSet = Dataset(file, xName, name);
            IH5Dataset ySet = Dataset(file, yName, name);

            ulong[] xShape = xSet.Space.Dimensions;
            if (xShape.Length != 4 || xShape[1] != CatImageSet.Height || xShape[2] != CatImageSet.Width || xShape[3] != CatImageSet.Channels
                || xSet.Type.Class != H5DataTypeClass.FixedPoint || xSet.Type.Size != 1)
            {
                throw new InvalidDataException(
                    $"{name}: {xName} is ({string.Join(", ", xShape)}) of {xSet.Type.Class} with {xSet.Type.Size}-byte elements; " +
                    $"(m, {CatImageSet.Height}, {CatImageSet.Width}, {CatImageSet.Channels}) uint8 is expected.");
            }
            int m = checked((int)xShape[0]);
            ulong[] yShape = ySet.Space.Dimensions;
            if (yShape.Length is not (1 or 2) || yShape.Aggregate(1UL, (a, b) => a * b) != (ulong)m || ySet.Type.Class != H5DataTypeClass.FixedPoint)
                throw new InvalidDataException($"{name}: {yName} is ({string.Join(", ", yShape)}) of {ySet.Type.Class}; {m} integer labels are expected.");

            byte[] pixels = xSet.Read<byte[]>();
            long[] labels = ReadLabels(ySet);
            var isCat = new bool[m];
            for (int j = 0; j < m; j++)
            {
                isCat[j] = labels[j] switch
                {
                    0 => false,
                    1 => true,
                    _ => throw new InvalidDataException($"{name}: {yName}[{j}] is {labels[j]}; labels are 0 (non-cat) or 1 (cat)."),
                };
            }
            return new CatImageSet(name, pixels, isCat, ReadClassNames(file, name));
        }
        catch (Exception e) when (e is not (InvalidDataException or FileNotFoundException))
        {
            throw new InvalidDataException($"{name} is not a readable HDF5 file of the course's data set: {e.Message}", e);
        }
    }

    private static IH5Dataset Dataset(NativeFile file, string datasetName, string fileName)
    {
        if (!file.LinkExists(datasetName))
            throw new InvalidDataException($"{fileName} has no data set '{datasetName}'.");
        return file.Dataset(datasetName);
    }

    private static long[] ReadLabels(IH5Dataset labels) => labels.Type.Size switch
    {
        1 => Array.ConvertAll(labels.Read<byte[]>(), v => (long)v),
        2 => Array.ConvertAll(labels.Read<short[]>(), v => (long)v),
        4 => Array.ConvertAll(labels.Read<int[]>(), v => (long)v),
        8 => labels.Read<long[]>(),
        _ => throw new InvalidDataException($"Labels of {labels.Type.Size} bytes are not supported."),
    };

    /// <summary>The class names in <c>list_classes</c> (<c>non-cat</c>, <c>cat</c>), or those names when the file has none.</summary>
    private static string[] ReadClassNames(NativeFile file, string fileName)
    {
        const string classes = "list_classes";
        if (!file.LinkExists(classes))
            return ["non-cat", "cat"];
        string[] names = file.Dataset(classes).Read<string[]>().Select(n => n.TrimEnd('\0')).ToArray();
        if (names.Length != 2)
            throw new InvalidDataException($"{fileName}: {classes} holds {names.Length} names; two (non-cat, cat) are expected.");
        return names;
    }
}
