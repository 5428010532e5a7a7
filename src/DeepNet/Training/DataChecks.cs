using System;
using System.Numerics;

namespace DeepNet.Training;

/// <summary>
/// Checks training data once per run, outside the inner loops: a NaN or an infinity in X or Y would silently poison
/// every parameter, so it is reported with its row and column.
/// </summary>
public static class DataChecks
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first non-finite entry of a rows × columns matrix.</summary>
    public static void ThrowIfNotFinite<T>(ReadOnlySpan<T> values, string parameterName, int rows, int columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"{parameterName}[{i / columns}, {i % columns}] (row {i / columns} of {rows}, example {i % columns} of {columns}) is {values[i]}; training data must be finite.",
                    parameterName);
            }
        }
    }
}
