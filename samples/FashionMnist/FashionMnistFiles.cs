using System;
using System.IO;

namespace FashionMnist;

/// <summary>
/// Finds and reads Fashion-MNIST's four IDX files in a folder, each gzipped (<c>.gz</c>, as Debian's
/// <c>dataset-fashion-mnist</c> installs them) or not, and checks that they make a data set of 28 × 28 images.
/// </summary>
public static class FashionMnistFiles
{
    /// <summary>Where Debian's package <c>dataset-fashion-mnist</c> installs the files.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    public const string TrainImages = "train-images-idx3-ubyte";
    public const string TrainLabels = "train-labels-idx1-ubyte";
    public const string TestImages = "t10k-images-idx3-ubyte";
    public const string TestLabels = "t10k-labels-idx1-ubyte";

    /// <summary>Reads the 60000 training and 10000 test images of <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">There is no such folder.</exception>
    /// <exception cref="FileNotFoundException">A file is missing, gzipped or not; the message names it.</exception>
    /// <exception cref="InvalidDataException">A file is not a valid IDX file, or the files do not agree; the message names the file.</exception>
    public static (FashionImageSet Train, FashionImageSet Test) Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"The Fashion-MNIST folder {Path.GetFullPath(directory)} does not exist. " +
                $"Install Debian's dataset-fashion-mnist (files in {DebianDirectory}) or pass --data DIR with the four IDX files.");
        }
        return (Read(directory, TrainImages, TrainLabels), Read(directory, TestImages, TestLabels));
    }

    /// <summary>Reads one pair of image and label files of <paramref name="directory"/>, named without their <c>.gz</c>.</summary>
    public static FashionImageSet Read(string directory, string imagesName, string labelsName)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string imagesPath = Locate(directory, imagesName);
        string labelsPath = Locate(directory, labelsName);
        IdxImages images = IdxFile.ReadImages(imagesPath);
        if (images.Rows != FashionImageSet.Height || images.Columns != FashionImageSet.Width)
            throw new InvalidDataException($"{imagesPath}: its images are {images.Rows} × {images.Columns} pixels; Fashion-MNIST's are {FashionImageSet.Height} × {FashionImageSet.Width}.");
        if (images.Count == 0)
            throw new InvalidDataException($"{imagesPath}: it holds no images.");
        byte[] labels = IdxFile.ReadLabels(labelsPath);
        if (labels.Length != images.Count)
            throw new InvalidDataException($"{imagesPath} holds {images.Count} images but {labelsPath} holds {labels.Length} labels; each image needs one label.");
        int wrong = Array.FindIndex(labels, label => label >= FashionClasses.Count);
        if (wrong >= 0)
            throw new InvalidDataException($"{labelsPath}: label {wrong} is {labels[wrong]}; Fashion-MNIST's classes are 0 … {FashionClasses.Count - 1}.");
        return new FashionImageSet(Path.GetFileName(imagesPath), images.Pixels, labels);
    }

    /// <summary><c>name.gz</c> in <paramref name="directory"/> when it exists, else <c>name</c>.</summary>
    /// <exception cref="FileNotFoundException">Neither exists.</exception>
    public static string Locate(string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(name);
        string folder = Path.GetFullPath(directory);
        string gzipped = Path.Combine(folder, name + ".gz");
        if (File.Exists(gzipped))
            return gzipped;
        string plain = Path.Combine(folder, name);
        if (File.Exists(plain))
            return plain;
        throw new FileNotFoundException(
            $"Fashion-MNIST's {name} is missing: neither {gzipped} nor {plain} exists. " +
            $"Install Debian's dataset-fashion-mnist (files in {DebianDirectory}) or pass --data DIR with the four IDX files.",
            gzipped);
    }
}
