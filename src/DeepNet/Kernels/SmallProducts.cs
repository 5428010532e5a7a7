using System.Numerics;

namespace DeepNet.Kernels;

/// <summary>
/// The three products as plain loops, for layers so small (a few hundred multiply-adds, such as a tiny network on one
/// example) that choosing a vector width, a blocking and a thread split would cost more than the arithmetic.
/// </summary>
internal static unsafe class SmallProducts
{
    /// <summary>Multiply-adds at or below which a product runs here.</summary>
    public const int MaxMultiplyAdds = 512;

    /// <summary>Z[i, j] = b[i] + Σₖ W[i, k]·A[k, j].</summary>
    public static void LinearForward<T>(T* W, T* b, T* A, T* Z, int n, int nPrev, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            T* w = W + i * nPrev;
            for (int j = 0; j < m; j++)
            {
                T sum = b[i];
                for (int k = 0; k < nPrev; k++)
                    sum += w[k] * A[k * m + j];
                Z[i * m + j] = sum;
            }
        }
    }

    /// <summary>dW[i, k] = scale·Σⱼ dZ[i, j]·A[k, j].</summary>
    public static void WeightGradient<T>(T* dZ, T* A, T* dW, int n, int nPrev, int m, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < n; i++)
        {
            T* dz = dZ + i * m;
            for (int k = 0; k < nPrev; k++)
            {
                T* a = A + k * m;
                T sum = T.Zero;
                for (int j = 0; j < m; j++)
                    sum += dz[j] * a[j];
                dW[i * nPrev + k] = scale * sum;
            }
        }
    }

    /// <summary>dAPrev[k, j] = Σᵢ W[i, k]·dZ[i, j].</summary>
    public static void InputGradient<T>(T* W, T* dZ, T* dAPrev, int n, int nPrev, int m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < nPrev; k++)
        {
            for (int j = 0; j < m; j++)
            {
                T sum = T.Zero;
                for (int i = 0; i < n; i++)
                    sum += W[i * nPrev + k] * dZ[i * m + j];
                dAPrev[k * m + j] = sum;
            }
        }
    }
}
