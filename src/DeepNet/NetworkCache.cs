using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DeepNet;

/// <summary>
/// The forward and backward caches for a batch of m examples: Z[l], A[l], dZ[l] and dA[l] (each nl × m,
/// row-major, examples as columns) for l = 1 … L. A[0] is X itself and dA[0] is never computed.
/// Generated networks derive a nested <c>Cache</c> with the course's names (<c>Z1</c>, <c>A1</c>, <c>dA1</c>, …).
/// A cache is working memory: use one per thread. It is allocated once for a capacity of m examples and can then serve
/// any smaller batch (<see cref="SetExampleCount"/>), so mini-batch training allocates nothing per step.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public abstract class NetworkCache<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[][] _z;
    private readonly T[][] _a;
    private readonly T[][] _dZ;
    private readonly T[][] _dA;

    /// <summary>nl × m for each layer at the current m: the length of every cache matrix of that layer.</summary>
    private readonly int[] _lengths;

    /// <summary>Allocates the caches of <paramref name="architecture"/> for <paramref name="m"/> examples.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m"/> is below 1 or makes a layer larger than one array holds.</exception>
    protected NetworkCache(NetworkArchitecture architecture, int m)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (m < 1)
            throw new ArgumentOutOfRangeException(nameof(m), m, "The number of examples m must be at least 1.");
        int layers = architecture.LayerCount;
        _z = new T[layers + 1][];
        _a = new T[layers + 1][];
        _dZ = new T[layers + 1][];
        _dA = new T[layers + 1][];
        _lengths = new int[layers + 1];
        for (int l = 1; l <= layers; l++)
        {
            long length = (long)architecture.LayerSize(l) * m;
            if (length > Array.MaxLength)
                throw new ArgumentOutOfRangeException(nameof(m), m, $"Layer {l} would hold {architecture.LayerSize(l)} × {m} = {length} values, more than one array holds ({Array.MaxLength}).");
            _z[l] = new T[length];
            _a[l] = new T[length];
            _dZ[l] = new T[length];
            _dA[l] = new T[length];
        }
        Architecture = architecture;
        Capacity = m;
        SetLengths(m);
    }

    /// <summary>The architecture these caches are shaped for.</summary>
    public NetworkArchitecture Architecture { get; }

    /// <summary>The most examples this cache holds: the m it was created with.</summary>
    public int Capacity { get; }

    /// <summary>m: the number of examples (columns) in every cache matrix now; at most <see cref="Capacity"/>.</summary>
    public int ExampleCount { get; private set; }

    /// <summary>
    /// Reuses this cache for a batch of <paramref name="m"/> examples (1 … <see cref="Capacity"/>), for example the last,
    /// smaller mini-batch of an epoch. Matrices stay row-major nl × m; their contents are not preserved.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m"/> is below 1 or above <see cref="Capacity"/>.</exception>
    public void SetExampleCount(int m)
    {
        if (m < 1 || m > Capacity)
            throw new ArgumentOutOfRangeException(nameof(m), m, $"A cache created for {Capacity} examples serves batches of 1 … {Capacity}.");
        SetLengths(m);
    }

    private void SetLengths(int m)
    {
        for (int l = 1; l < _lengths.Length; l++)
            _lengths[l] = Architecture.LayerSize(l) * m;
        ExampleCount = m;
    }

    /// <summary>A[L] (nL × m): the network's output after <c>Forward</c>.</summary>
    public Span<T> Output => A(_a.Length - 1);

    /// <summary>Z[l] = W[l]·A[l−1] + b[l] (nl × m), for l in 1 … L.</summary>
    public Span<T> Z(int layer) => Slice(_z, layer);

    /// <summary>A[l] = g[l](Z[l]) (nl × m), for l in 1 … L.</summary>
    public Span<T> A(int layer) => Slice(_a, layer);

    /// <summary>dZ[l] = dA[l] * g[l]'(Z[l]) (nl × m), for l in 1 … L, after <c>Backward</c>.</summary>
    public Span<T> dZ(int layer) => Slice(_dZ, layer);

    /// <summary>dA[l] (nl × m), for l in 1 … L, after <c>Backward</c>; dA[L] is the cost's derivative with respect to A[L].</summary>
    public Span<T> dA(int layer) => Slice(_dA, layer);

    // Generated code asks for these spans on every call: one range check, then a span of an array that is never shorter.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<T> Slice(T[][] matrices, int layer) =>
        MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(matrices[Check(layer)]), _lengths[layer]);

    /// <summary>Whether Forward and Backward apply inverted dropout to the hidden layers (training only; see <see cref="EnableDropout"/>).</summary>
    public bool IsDropoutEnabled => _dropout is not null;

    /// <summary>
    /// Turns on inverted dropout for training: each Forward draws, for every hidden layer l &lt; L, a mask
    /// D[l] = (rand &lt; keepProbability) from a stream seeded with <paramref name="seed"/> and sets
    /// A[l] = A[l] * D[l] / keepProbability; Backward applies the same to dA[l]. Prediction never uses it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keepProbability"/> is not in (0, 1], or <paramref name="seed"/> is negative.</exception>
    public void EnableDropout(double keepProbability, int seed)
    {
        if (!(keepProbability > 0 && keepProbability <= 1))
            throw new ArgumentOutOfRangeException(nameof(keepProbability), keepProbability, "The keep probability must be in (0, 1].");
        if (seed < 0)
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "The seed must be between 0 and int.MaxValue.");
        _dropout = new DropoutMasks<T>(Architecture, Capacity, keepProbability, seed);
    }

    /// <summary>Turns dropout off: Forward and Backward are the plain lecture again.</summary>
    public void DisableDropout() => _dropout = null;

    /// <summary>
    /// When true, Forward reuses the masks it drew last instead of drawing new ones, so that the cost is a fixed
    /// function of the parameters (for gradient checking with dropout).
    /// </summary>
    public bool FreezeDropoutMasks { get; set; }

    /// <summary>D[l] / keepProb (nl × m: 0 for a dropped unit, 1/keepProb for a kept one) of the last Forward, for a hidden layer l.</summary>
    public ReadOnlySpan<T> DropoutMask(int layer) =>
        (_dropout ?? throw new InvalidOperationException("Dropout is not enabled on this cache.")).Mask(Check(layer), _lengths[layer]);

    /// <summary>Forward's step after g(Z[l]) for a hidden layer: A[l] = A[l] * D[l] / keepProb, with a new D[l] unless frozen.</summary>
    public void ApplyDropout(int layer)
    {
        if (_dropout is null)
            return;
        Span<T> a = A(layer);
        if (!FreezeDropoutMasks)
            _dropout.Draw(layer, a.Length);
        _dropout.Apply(layer, a);
    }

    /// <summary>Backward's step for a hidden layer: dA[l] = dA[l] * D[l] / keepProb, with the mask of the last Forward.</summary>
    public void ApplyDropoutGradient(int layer)
    {
        if (_dropout is null)
            return;
        _dropout.Apply(layer, dA(layer));
    }

    private DropoutMasks<T>? _dropout;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Check(int layer)
    {
        if ((uint)(layer - 1) >= (uint)(_z.Length - 1))
            ThrowLayerOutOfRange(layer);
        return layer;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowLayerOutOfRange(int layer) =>
        throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Cache layers are numbered 1 … {_z.Length - 1}; A[0] is X and dA[0] is never computed.");
}
