using System;

namespace DeepNet.Benchmarks;

/// <summary>
/// The baseline: what a user writes without the generator. The lecture's forward propagation, cross-entropy cost,
/// backward propagation and gradient descent (relu hidden layers, sigmoid output), with layer sizes chosen at run
/// time, one flat row-major <c>double[]</c> per matrix, and plain loops in cache-friendly order (no SIMD, no threads).
/// </summary>
public sealed class DynamicNetwork
{
    private readonly int[] _sizes;
    private readonly int _layers;
    private readonly int _m;
    private readonly double[][] _w, _b, _dW, _db, _z, _a, _dZ, _dA;

    /// <summary>A network with layer sizes n0 … nL and caches for m examples.</summary>
    public DynamicNetwork(int[] layerSizes, int m)
    {
        _sizes = layerSizes;
        _layers = layerSizes.Length - 1;
        _m = m;
        _w = new double[_layers + 1][];
        _b = new double[_layers + 1][];
        _dW = new double[_layers + 1][];
        _db = new double[_layers + 1][];
        _z = new double[_layers + 1][];
        _a = new double[_layers + 1][];
        _dZ = new double[_layers + 1][];
        _dA = new double[_layers + 1][];
        for (int l = 1; l <= _layers; l++)
        {
            _w[l] = new double[_sizes[l] * _sizes[l - 1]];
            _b[l] = new double[_sizes[l]];
            _dW[l] = new double[_w[l].Length];
            _db[l] = new double[_sizes[l]];
            _z[l] = new double[_sizes[l] * m];
            _a[l] = new double[_sizes[l] * m];
            _dZ[l] = new double[_sizes[l] * m];
            _dA[l] = new double[_sizes[l] * m];
        }
    }

    /// <summary>A[L] after <see cref="Forward"/>.</summary>
    public ReadOnlySpan<double> Output => _a[_layers];

    /// <summary>Copies parameters laid out W1, b1, W2, b2, … (the generated networks' layout).</summary>
    public void SetParameters(ReadOnlySpan<double> parameters)
    {
        int offset = 0;
        for (int l = 1; l <= _layers; l++)
        {
            parameters.Slice(offset, _w[l].Length).CopyTo(_w[l]);
            offset += _w[l].Length;
            parameters.Slice(offset, _b[l].Length).CopyTo(_b[l]);
            offset += _b[l].Length;
        }
    }

    /// <summary>One step of gradient descent on (X, Y); returns the cost before the update.</summary>
    public double Step(double[] X, double[] Y, double learningRate)
    {
        Forward(X);
        double cost = Cost(Y);
        Backward(X, Y);
        Update(learningRate);
        return cost;
    }

    /// <summary>Z[l] = W[l]·A[l−1] + b[l], A[l] = relu(Z[l]) (sigmoid for l = L).</summary>
    public void Forward(double[] X)
    {
        int m = _m;
        for (int l = 1; l <= _layers; l++)
        {
            int n = _sizes[l], nPrev = _sizes[l - 1];
            double[] W = _w[l], b = _b[l], Z = _z[l], A = _a[l];
            double[] APrev = l == 1 ? X : _a[l - 1];
            for (int i = 0; i < n; i++)
            {
                int zRow = i * m;
                for (int j = 0; j < m; j++)
                    Z[zRow + j] = b[i];
                for (int k = 0; k < nPrev; k++)
                {
                    double w = W[i * nPrev + k];
                    int aRow = k * m;
                    for (int j = 0; j < m; j++)
                        Z[zRow + j] += w * APrev[aRow + j];
                }
            }
            if (l < _layers)
            {
                for (int i = 0; i < Z.Length; i++)
                    A[i] = Z[i] > 0 ? Z[i] : 0;
            }
            else
            {
                for (int i = 0; i < Z.Length; i++)
                    A[i] = 1 / (1 + Math.Exp(-Z[i]));
            }
        }
    }

    /// <summary>J = −1/m Σ [Y log A[L] + (1 − Y) log(1 − A[L])].</summary>
    public double Cost(double[] Y)
    {
        double[] A = _a[_layers];
        double sum = 0;
        for (int i = 0; i < A.Length; i++)
            sum += Y[i] * Math.Log(A[i]) + (1 - Y[i]) * Math.Log(1 - A[i]);
        return -sum / _m;
    }

    /// <summary>dA[L], then dZ[l], dW[l] = 1/m dZ[l]·A[l−1]ᵀ, db[l] and dA[l−1] = W[l]ᵀ·dZ[l] for l = L … 1 (no dA[0]).</summary>
    public void Backward(double[] X, double[] Y)
    {
        int m = _m;
        double oneOverM = 1.0 / m;
        double[] AL = _a[_layers], dAL = _dA[_layers];
        for (int i = 0; i < AL.Length; i++)
            dAL[i] = -(Y[i] / AL[i] - (1 - Y[i]) / (1 - AL[i]));

        for (int l = _layers; l >= 1; l--)
        {
            int n = _sizes[l], nPrev = _sizes[l - 1];
            double[] W = _w[l], Z = _z[l], dA = _dA[l], dZ = _dZ[l], dW = _dW[l], db = _db[l];
            double[] APrev = l == 1 ? X : _a[l - 1];
            if (l < _layers)
            {
                for (int i = 0; i < Z.Length; i++)
                    dZ[i] = Z[i] > 0 ? dA[i] : 0;
            }
            else
            {
                for (int i = 0; i < Z.Length; i++)
                {
                    double s = 1 / (1 + Math.Exp(-Z[i]));
                    dZ[i] = dA[i] * s * (1 - s);
                }
            }

            for (int i = 0; i < n; i++)
            {
                int zRow = i * m;
                double rowSum = 0;
                for (int j = 0; j < m; j++)
                    rowSum += dZ[zRow + j];
                db[i] = rowSum * oneOverM;
                for (int k = 0; k < nPrev; k++)
                {
                    int aRow = k * m;
                    double sum = 0;
                    for (int j = 0; j < m; j++)
                        sum += dZ[zRow + j] * APrev[aRow + j];
                    dW[i * nPrev + k] = sum * oneOverM;
                }
            }

            if (l > 1)
            {
                double[] dAPrev = _dA[l - 1];
                Array.Clear(dAPrev);
                for (int i = 0; i < n; i++)
                {
                    int zRow = i * m;
                    for (int k = 0; k < nPrev; k++)
                    {
                        double w = W[i * nPrev + k];
                        int aRow = k * m;
                        for (int j = 0; j < m; j++)
                            dAPrev[aRow + j] += w * dZ[zRow + j];
                    }
                }
            }
        }
    }

    /// <summary>W[l] −= α·dW[l], b[l] −= α·db[l].</summary>
    public void Update(double learningRate)
    {
        for (int l = 1; l <= _layers; l++)
        {
            double[] W = _w[l], dW = _dW[l], b = _b[l], db = _db[l];
            for (int i = 0; i < W.Length; i++)
                W[i] -= learningRate * dW[i];
            for (int i = 0; i < b.Length; i++)
                b[i] -= learningRate * db[i];
        }
    }

    /// <summary>
    /// A[L] for one example: each layer a matrix-vector product, z[i] = b[i] + Σₖ W[i, k]·a[k], summed in a local.
    /// Uses the caches' first column as scratch, so the network must have been made with m = 1.
    /// </summary>
    public void Predict(double[] x, double[] output)
    {
        double[] input = x;
        for (int l = 1; l <= _layers; l++)
        {
            int n = _sizes[l], nPrev = _sizes[l - 1];
            double[] W = _w[l], b = _b[l], a = l == _layers ? output : _a[l];
            for (int i = 0; i < n; i++)
            {
                double z = b[i];
                int row = i * nPrev;
                for (int k = 0; k < nPrev; k++)
                    z += W[row + k] * input[k];
                a[i] = l < _layers ? (z > 0 ? z : 0) : 1 / (1 + Math.Exp(-z));
            }
            input = a;
        }
    }
}
