using System;
using System.Threading.Tasks;

namespace DeepNet.Tests;

/// <summary>Single-example Predict and Classify agree with Forward on a batch; Classify is the course's strict A &gt; 0.5.</summary>
public sealed class PredictTests
{
    /// <summary>Batch and single-example kernels may sum in different orders.</summary>
    private const double RoundingTolerance = 1e-14;

    [Fact]
    public void Predict_is_Forward_with_one_example()
    {
        var net = new TinyNet();
        net.InitializeParameters(31);
        var cache = new TinyNet.Cache(1);
        for (int seed = 0; seed < 20; seed++)
        {
            double[] x = new RandomBatch(net.Architecture, 1, seed).X;

            net.Forward(x, cache);

            NumericAssert.Identical([cache.A3[0]], [net.Predict(x)], $"Predict(x) for seed {seed}");
        }
    }

    [Fact]
    public void Predict_of_column_j_is_column_j_of_a_batch()
    {
        var net = new TinyNet();
        net.InitializeParameters(32);
        const int m = 7;
        var batch = new RandomBatch(net.Architecture, m, 33);
        var cache = new TinyNet.Cache(m);

        net.Forward(batch.X, cache);

        for (int j = 0; j < m; j++)
        {
            double[] column = Column(batch.X, TinyNet.InputSize, m, j);
            NumericAssert.Close([cache.A3[j]], [net.Predict(column)], RoundingTolerance, $"Predict(X[:, {j}])");
        }
    }

    [Fact]
    public void Predict_of_several_outputs_is_the_column_of_A_L()
    {
        var net = new DeepTanhNet();
        net.InitializeParameters(34);
        const int m = 5;
        var batch = new RandomBatch(net.Architecture, m, 35);
        var cache = new DeepTanhNet.Cache(m);
        net.Forward(batch.X, cache);
        double[] output = new double[DeepTanhNet.OutputSize];
        bool[] labels = new bool[DeepTanhNet.OutputSize];

        for (int j = 0; j < m; j++)
        {
            double[] x = Column(batch.X, DeepTanhNet.InputSize, m, j);
            double[] expected = Column(cache.A4.ToArray(), DeepTanhNet.OutputSize, m, j);
            net.Predict(x, output);
            net.Classify(x, labels);
            DeepTanhNet.Output fixedOutput = net.Predict(new DeepTanhNet.Input(x[0], x[1]));

            NumericAssert.Close(expected, output, RoundingTolerance, $"Predict(X[:, {j}])");
            NumericAssert.Identical(output, ((ReadOnlySpan<double>)fixedOutput).ToArray(), $"Predict(in Input) for column {j}");
            for (int i = 0; i < output.Length; i++)
                Assert.Equal(output[i] > 0.5, labels[i]);
        }
    }

    [Fact]
    public void Classify_is_true_only_strictly_above_one_half()
    {
        var net = new TinyNet();   // all parameters zero: A3 = σ(b3)
        double[] x = [1, 2, 3, 4, 5];

        Assert.Equal(0.5, net.Predict(x));
        Assert.False(net.Classify(x));

        net.b3[0] = 1e-12;
        Assert.True(net.Predict(x) > 0.5);
        Assert.True(net.Classify(x));

        net.b3[0] = -1e-12;
        Assert.False(net.Classify(x));
    }

    [Fact]
    public void The_Input_struct_holds_the_features_in_order_and_predicts_as_a_span()
    {
        var net = new TinyNet();
        net.InitializeParameters(36);
        var input = new TinyNet.Input(0.5, -1.25, 2.0, 0.0, 3.5);
        double[] x = [0.5, -1.25, 2.0, 0.0, 3.5];

        Assert.Equal(TinyNet.InputSize, ((ReadOnlySpan<double>)input).Length);
        for (int k = 0; k < x.Length; k++)
            Assert.Equal(x[k], input[k]);
        Assert.Equal(net.Predict(x), net.Predict(input));
        Assert.Equal(net.Classify(x), net.Classify(input));

        input[3] = 10.0;
        x[3] = 10.0;
        Assert.Equal(net.Predict(x), net.Predict(input));
    }

    [Fact]
    public void Predict_from_many_threads_gives_the_serial_results()
    {
        var net = new PooledPredictNet();
        net.InitializeParameters(37);
        const int examples = 64;
        var batch = new RandomBatch(net.Architecture, examples, 38);
        double[][] columns = new double[examples][];
        double[] serial = new double[examples];
        for (int j = 0; j < examples; j++)
        {
            columns[j] = Column(batch.X, PooledPredictNet.InputSize, examples, j);
            serial[j] = net.Predict(columns[j]);
        }

        double[] parallel = new double[examples];
        Parallel.For(0, examples * 50, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i % examples] = net.Predict(columns[i % examples]));

        NumericAssert.Identical(serial, parallel, "parallel Predict");
    }

    /// <summary>Column j of a row-major rows × m matrix.</summary>
    private static double[] Column(double[] matrix, int rows, int m, int j)
    {
        double[] column = new double[rows];
        for (int k = 0; k < rows; k++)
            column[k] = matrix[k * m + j];
        return column;
    }
}
