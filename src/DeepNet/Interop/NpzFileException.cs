using System;
using System.IO;

namespace DeepNet.Interop;

/// <summary>
/// A numpy <c>.npz</c> file could not be loaded into a network: it is not a zip of <c>.npy</c> arrays, a key is missing
/// or unexpected, or an array has another shape or an unsupported type. The message names the key, what was expected
/// and what was found. Nothing was loaded: the network is unchanged.
/// </summary>
public sealed class NpzFileException : IOException
{
    /// <summary>Creates the exception with a message that says what was wrong and what was expected.</summary>
    public NpzFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the lower-level error that caused it.</summary>
    public NpzFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
