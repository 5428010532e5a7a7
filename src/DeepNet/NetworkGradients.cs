using System;
using System.Numerics;

namespace DeepNet;

/// <summary>
/// dW[l] and db[l] for l = 1 … L, in one buffer laid out exactly as <see cref="INetwork{T}.Parameters"/>
/// (dW1, db1, dW2, db2, …), so that updates and optimizers run over both spans side by side.
/// Generated networks derive a nested <c>Gradients</c> with the course's names (<c>dW1</c>, <c>db1</c>, …).
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public abstract class NetworkGradients<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _values;

    /// <summary>Allocates zeroed gradients for <paramref name="architecture"/>.</summary>
    protected NetworkGradients(NetworkArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        Architecture = architecture;
        _values = new T[architecture.ParameterCount];
    }

    /// <summary>The architecture these gradients are shaped for.</summary>
    public NetworkArchitecture Architecture { get; }

    /// <summary>All gradients dW1, db1, dW2, db2, … in the parameters' layout.</summary>
    public Span<T> Values => _values;

    /// <summary>dW[l] (nl × n(l−1)), for l in 1 … L.</summary>
    public Span<T> dW(int layer) =>
        _values.AsSpan(Architecture.WeightOffset(layer), Architecture.LayerSize(layer) * Architecture.LayerSize(layer - 1));

    /// <summary>db[l] (nl × 1), for l in 1 … L.</summary>
    public Span<T> db(int layer) => _values.AsSpan(Architecture.BiasOffset(layer), Architecture.LayerSize(layer));
}
