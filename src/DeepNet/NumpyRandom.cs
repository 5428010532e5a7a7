using System;

namespace DeepNet;

/// <summary>
/// A random stream bit-identical to numpy's legacy <c>np.random.seed(s)</c> followed by <c>np.random.rand</c> /
/// <c>np.random.randn</c>: MT19937 seeded with init_genrand(s), 53-bit doubles from two 32-bit draws, and normals by
/// the Marsaglia polar method as numpy's legacy gauss. It reproduces the course's initialisations and test data.
/// Not thread-safe.
/// </summary>
public sealed class NumpyRandom
{
    private const int StateSize = 624;
    private const int ShiftSize = 397;
    private readonly uint[] _state = new uint[StateSize];
    private int _position;
    private bool _hasGauss;
    private double _gauss;

    /// <summary>Seeds the stream as <c>np.random.seed(seed)</c> does for a seed in 0 … 2³² − 1.</summary>
    public NumpyRandom(uint seed) => Seed(seed);

    /// <summary>Re-seeds this stream in place, exactly as <c>np.random.seed(seed)</c> does (no allocation).</summary>
    public void Seed(uint seed)
    {
        _state[0] = seed;
        for (int i = 1; i < StateSize; i++)
            _state[i] = 1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i;
        _position = StateSize;
        _hasGauss = false;
        _gauss = 0;
    }

    /// <summary>Seeds the stream as <c>np.random.seed(seed)</c>; numpy accepts 0 … 2³² − 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative.</exception>
    public NumpyRandom(int seed)
        : this(seed >= 0 ? (uint)seed : throw new ArgumentOutOfRangeException(nameof(seed), seed, "numpy seeds are between 0 and 2^32 - 1."))
    {
    }

    /// <summary>The next 32-bit output of MT19937 (genrand_int32).</summary>
    public uint NextUInt32()
    {
        if (_position >= StateSize)
            Twist();
        uint y = _state[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits, as <c>np.random.rand()</c>.</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary>A standard normal draw, as <c>np.random.randn()</c> (legacy polar method).</summary>
    public double NextGaussian()
    {
        if (_hasGauss)
        {
            _hasGauss = false;
            return _gauss;
        }
        double x1, x2, r2;
        do
        {
            x1 = 2.0 * NextDouble() - 1.0;
            x2 = 2.0 * NextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        }
        while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _gauss = f * x1;
        _hasGauss = true;
        return f * x2;
    }

    /// <summary>Fills <paramref name="destination"/> with standard normal draws in order, as <c>np.random.randn(rows, cols)</c> fills a row-major matrix.</summary>
    public void FillGaussian(Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = NextGaussian();
    }

    private void Twist()
    {
        const uint upperMask = 0x80000000u;
        const uint lowerMask = 0x7fffffffu;
        const uint matrixA = 0x9908b0dfu;
        for (int i = 0; i < StateSize; i++)
        {
            uint y = (_state[i] & upperMask) | (_state[(i + 1) % StateSize] & lowerMask);
            _state[i] = _state[(i + ShiftSize) % StateSize] ^ (y >> 1) ^ ((y & 1u) != 0 ? matrixA : 0u);
        }
        _position = 0;
    }
}
