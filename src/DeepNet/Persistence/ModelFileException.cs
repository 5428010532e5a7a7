using System.IO;

namespace DeepNet.Persistence;

/// <summary>
/// A model file could not be loaded: it is not a DeepNet model, it is truncated, extended or corrupted (its checksum
/// does not match), or it holds a network of another architecture. Nothing was loaded: the network is unchanged.
/// </summary>
public sealed class ModelFileException : IOException
{
    /// <summary>Creates the exception with a message that says what was wrong and what was expected.</summary>
    public ModelFileException(string message)
        : base(message)
    {
    }
}
