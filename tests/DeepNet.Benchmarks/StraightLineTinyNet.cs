using System;
using System.Numerics.Tensors;

namespace DeepNet.Benchmarks;

/// <summary>
/// The reference for W1's generated <c>TrainingStep</c>: the same step of a [5, 4, 3, 1] (relu, relu, sigmoid) network
/// written by hand as straight-line code, with no argument checks and plain arrays: one loop over the examples whose
/// body takes one example through every layer with constant indices, values in locals, dW and db summed over the
/// examples and scaled by 1/m once. Same parameter layout (W1, b1, W2, b2, W3, b3), the same caches filled and the
/// same numbers as the generated network; the gap between the two is what the generated code's checks and cache
/// access cost.
/// </summary>
public sealed class StraightLineTinyNet
{
    private const int N0 = 5, N1 = 4, N2 = 3, N3 = 1;
    private const int W1 = 0, B1 = W1 + N1 * N0, W2 = B1 + N1, B2 = W2 + N2 * N1, W3 = B2 + N2, B3 = W3 + N3 * N2;
    private const int ParameterCount = B3 + N3;

    private readonly double[] _parameters = new double[ParameterCount];
    private readonly double[] _gradients = new double[ParameterCount];
    private readonly int _m;
    private readonly double[] _z1, _a1, _z2, _a2, _z3, _a3, _dZ1, _dZ2, _dZ3, _dA1, _dA2, _dA3;

    public StraightLineTinyNet(int m = 1)
    {
        _m = m;
        _z1 = new double[N1 * m];
        _a1 = new double[N1 * m];
        _dZ1 = new double[N1 * m];
        _z2 = new double[N2 * m];
        _a2 = new double[N2 * m];
        _dZ2 = new double[N2 * m];
        _z3 = new double[N3 * m];
        _a3 = new double[N3 * m];
        _dZ3 = new double[N3 * m];
        _dA1 = new double[N1 * m];
        _dA2 = new double[N2 * m];
        _dA3 = new double[N3 * m];
    }

    public StraightLineTinyNet(ReadOnlySpan<double> parameters) : this() => parameters.CopyTo(_parameters);

    public Span<double> Parameters => _parameters;

    /// <summary>Forward, cost, backward and update for X (5 × m) and Y (1 × m); returns the cost before the update.</summary>
    public double Step(double[] X, double[] Y, double learningRate)
    {
        int m = _m;
        if (X.Length != N0 * m || Y.Length != N3 * m)
            throw new ArgumentException("X must be 5 × m and Y 1 × m.");
        // Spans of constant length: the JIT proves every constant index in range and drops the bounds checks.
        Span<double> p = new(_parameters, 0, ParameterCount), g = new(_gradients, 0, ParameterCount);
        double[] z1 = _z1, a1 = _a1, z2 = _z2, a2 = _a2, z3 = _z3, a3 = _a3, dZ1 = _dZ1, dZ2 = _dZ2, dZ3 = _dZ3, dA1 = _dA1, dA2 = _dA2, dA3 = _dA3;
        g.Clear();
        double cost = 0;
        for (int j = 0; j < m; j++)
        {
            // Z1 = W1·x + b1, A1 = relu(Z1)   (4×5)·(5×1)
            double x0 = X[j], x1 = X[m + j], x2 = X[2 * m + j], x3 = X[3 * m + j], x4 = X[4 * m + j];
            double u0 = p[B1] + p[W1] * x0 + p[W1 + 1] * x1 + p[W1 + 2] * x2 + p[W1 + 3] * x3 + p[W1 + 4] * x4;
            double u1 = p[B1 + 1] + p[W1 + 5] * x0 + p[W1 + 6] * x1 + p[W1 + 7] * x2 + p[W1 + 8] * x3 + p[W1 + 9] * x4;
            double u2 = p[B1 + 2] + p[W1 + 10] * x0 + p[W1 + 11] * x1 + p[W1 + 12] * x2 + p[W1 + 13] * x3 + p[W1 + 14] * x4;
            double u3 = p[B1 + 3] + p[W1 + 15] * x0 + p[W1 + 16] * x1 + p[W1 + 17] * x2 + p[W1 + 18] * x3 + p[W1 + 19] * x4;
            double h0 = u0 > 0 ? u0 : 0, h1 = u1 > 0 ? u1 : 0, h2 = u2 > 0 ? u2 : 0, h3 = u3 > 0 ? u3 : 0;
            z1[j] = u0; z1[m + j] = u1; z1[2 * m + j] = u2; z1[3 * m + j] = u3;
            a1[j] = h0; a1[m + j] = h1; a1[2 * m + j] = h2; a1[3 * m + j] = h3;
            // Z2 = W2·A1 + b2, A2 = relu(Z2)   (3×4)·(4×1)
            double v0 = p[B2] + p[W2] * h0 + p[W2 + 1] * h1 + p[W2 + 2] * h2 + p[W2 + 3] * h3;
            double v1 = p[B2 + 1] + p[W2 + 4] * h0 + p[W2 + 5] * h1 + p[W2 + 6] * h2 + p[W2 + 7] * h3;
            double v2 = p[B2 + 2] + p[W2 + 8] * h0 + p[W2 + 9] * h1 + p[W2 + 10] * h2 + p[W2 + 11] * h3;
            double k0 = v0 > 0 ? v0 : 0, k1 = v1 > 0 ? v1 : 0, k2 = v2 > 0 ? v2 : 0;
            z2[j] = v0; z2[m + j] = v1; z2[2 * m + j] = v2;
            a2[j] = k0; a2[m + j] = k1; a2[2 * m + j] = k2;
            // Z3 = W3·A2 + b3, A3 = σ(Z3)   (1×3)·(3×1); J += Y log A3 + (1 − Y) log(1 − A3)
            double w = p[B3] + p[W3] * k0 + p[W3 + 1] * k1 + p[W3 + 2] * k2;
            double s = 1 / (1 + Math.Exp(-w));
            z3[j] = w;
            a3[j] = s;
            double y = Y[j];
            // One logarithm for a 0/1 label: the other term is exactly zero.
            cost += y == 1 ? Math.Log(s) : y == 0 ? Math.Log(1 - s) : y * Math.Log(s) + (1 - y) * Math.Log(1 - s);

            // dZ3 = dA3·σ'(Z3) with dA3 = −(Y/A3 − (1 − Y)/(1 − A3)); dW3 += dZ3·A2ᵀ, db3 += dZ3
            double dA = -(y / s - (1 - y) / (1 - s));
            double e = dA * s * (1 - s);
            dA3[j] = dA;
            dZ3[j] = e;
            g[W3] += e * k0; g[W3 + 1] += e * k1; g[W3 + 2] += e * k2; g[B3] += e;
            // dZ2 = (W3ᵀ·dZ3)·relu'(Z2); dW2 += dZ2·A1ᵀ, db2 += dZ2
            double r0 = p[W3] * e, r1 = p[W3 + 1] * e, r2 = p[W3 + 2] * e;
            dA2[j] = r0; dA2[m + j] = r1; dA2[2 * m + j] = r2;
            double d0 = v0 > 0 ? r0 : 0, d1 = v1 > 0 ? r1 : 0, d2 = v2 > 0 ? r2 : 0;
            dZ2[j] = d0; dZ2[m + j] = d1; dZ2[2 * m + j] = d2;
            g[W2] += d0 * h0; g[W2 + 1] += d0 * h1; g[W2 + 2] += d0 * h2; g[W2 + 3] += d0 * h3; g[B2] += d0;
            g[W2 + 4] += d1 * h0; g[W2 + 5] += d1 * h1; g[W2 + 6] += d1 * h2; g[W2 + 7] += d1 * h3; g[B2 + 1] += d1;
            g[W2 + 8] += d2 * h0; g[W2 + 9] += d2 * h1; g[W2 + 10] += d2 * h2; g[W2 + 11] += d2 * h3; g[B2 + 2] += d2;
            // dZ1 = (W2ᵀ·dZ2)·relu'(Z1); dW1 += dZ1·xᵀ, db1 += dZ1 (dA0 is never computed)
            double q0 = p[W2] * d0 + p[W2 + 4] * d1 + p[W2 + 8] * d2, q1 = p[W2 + 1] * d0 + p[W2 + 5] * d1 + p[W2 + 9] * d2;
            double q2 = p[W2 + 2] * d0 + p[W2 + 6] * d1 + p[W2 + 10] * d2, q3 = p[W2 + 3] * d0 + p[W2 + 7] * d1 + p[W2 + 11] * d2;
            dA1[j] = q0; dA1[m + j] = q1; dA1[2 * m + j] = q2; dA1[3 * m + j] = q3;
            double c0 = u0 > 0 ? q0 : 0, c1 = u1 > 0 ? q1 : 0, c2 = u2 > 0 ? q2 : 0, c3 = u3 > 0 ? q3 : 0;
            dZ1[j] = c0; dZ1[m + j] = c1; dZ1[2 * m + j] = c2; dZ1[3 * m + j] = c3;
            g[W1] += c0 * x0; g[W1 + 1] += c0 * x1; g[W1 + 2] += c0 * x2; g[W1 + 3] += c0 * x3; g[W1 + 4] += c0 * x4; g[B1] += c0;
            g[W1 + 5] += c1 * x0; g[W1 + 6] += c1 * x1; g[W1 + 7] += c1 * x2; g[W1 + 8] += c1 * x3; g[W1 + 9] += c1 * x4; g[B1 + 1] += c1;
            g[W1 + 10] += c2 * x0; g[W1 + 11] += c2 * x1; g[W1 + 12] += c2 * x2; g[W1 + 13] += c2 * x3; g[W1 + 14] += c2 * x4; g[B1 + 2] += c2;
            g[W1 + 15] += c3 * x0; g[W1 + 16] += c3 * x1; g[W1 + 17] += c3 * x2; g[W1 + 18] += c3 * x3; g[W1 + 19] += c3 * x4; g[B1 + 3] += c3;
        }

        // dθ = 1/m Σ over examples; θ = θ − α·dθ (vectorised)
        TensorPrimitives.Multiply(g, 1.0 / m, g);
        TensorPrimitives.MultiplyAdd(g, -learningRate, p, p);
        return -cost / m;
    }
}
