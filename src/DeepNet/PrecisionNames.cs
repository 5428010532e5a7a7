namespace DeepNet;

/// <summary>The names accepted by <see cref="NetworkAttribute.Precision"/> (case-insensitive).</summary>
public static class PrecisionNames
{
    /// <summary>64-bit floating point (<see cref="System.Double"/>), the course's precision.</summary>
    public const string Double = "double";

    /// <summary>32-bit floating point (<see cref="System.Single"/>): half the memory, about twice the throughput.</summary>
    public const string Float = "float";
}
