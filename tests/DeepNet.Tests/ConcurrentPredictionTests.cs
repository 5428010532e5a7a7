using System;
using System.Threading;

namespace DeepNet.Tests;

/// <summary>
/// A trained network is shared by 8 threads that call Predict and Classify at the same time: every result is
/// bit-identical to the same call made serially. Forward, which writes into a Cache, is shared the same way with
/// one Cache per thread. Each thread starts at its own input and steps through all of them, so that threads work on
/// different inputs at the same moment.
/// </summary>
public sealed class ConcurrentPredictionTests
{
    private const int Threads = 8;
    private const int PredictionsPerThread = 10_000;
    private const int DistinctInputs = 997;   // prime, so the threads' strides cover every input

    [Fact]
    public void Predict_and_Classify_from_8_threads_match_serial_calls_bit_for_bit()
    {
        ServingNet net = Trained();
        double[][] inputs = Inputs(ServingNet.InputSize, DistinctInputs, seed: 11);
        var expected = new double[inputs.Length];
        var expectedClass = new bool[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            expected[i] = net.Predict(inputs[i]);
            expectedClass[i] = net.Classify(inputs[i]);
        }
        Assert.Contains(true, expectedClass);
        Assert.Contains(false, expectedClass);

        RunConcurrently((thread, call) =>
        {
            int i = Index(thread, call);
            double actual = net.Predict(inputs[i]);
            if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(expected[i]))
                return $"Predict(input {i}) gave {actual:R}, serially {expected[i]:R}";
            bool actualClass = net.Classify(inputs[i]);
            return actualClass != expectedClass[i] ? $"Classify(input {i}) gave {actualClass}, serially {expectedClass[i]}" : null;
        });
    }

    [Fact]
    public void Fixed_size_input_Predict_from_8_threads_matches_serial_calls_bit_for_bit()
    {
        ServingNet net = Trained();
        var inputs = new ServingNet.Input[DistinctInputs];
        double[][] values = Inputs(ServingNet.InputSize, DistinctInputs, seed: 12);
        var expected = new double[DistinctInputs];
        for (int i = 0; i < DistinctInputs; i++)
        {
            values[i].CopyTo(inputs[i]);
            expected[i] = net.Predict(in inputs[i]);
        }

        RunConcurrently((thread, call) =>
        {
            int i = Index(thread, call);
            double actual = net.Predict(in inputs[i]);
            if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(expected[i]))
                return $"Predict(in Input {i}) gave {actual:R}, serially {expected[i]:R}";
            return net.Classify(in inputs[i]) != actual > 0.5 ? $"Classify(in Input {i}) disagrees with Predict" : null;
        });
    }

    [Fact]
    public void Several_outputs_in_float_from_8_threads_match_serial_calls_bit_for_bit()
    {
        var net = new ServingFloatNet();
        net.InitializeParameters(seed: 21);
        TrainFloat(net);
        float[][] inputs = Array.ConvertAll(Inputs(ServingFloatNet.InputSize, DistinctInputs, seed: 22), x => Array.ConvertAll(x, v => (float)v));
        var expected = new float[DistinctInputs][];
        var expectedLabels = new bool[DistinctInputs][];
        for (int i = 0; i < DistinctInputs; i++)
        {
            expected[i] = new float[ServingFloatNet.OutputSize];
            expectedLabels[i] = new bool[ServingFloatNet.OutputSize];
            net.Predict(inputs[i], expected[i]);
            net.Classify(inputs[i], expectedLabels[i]);
        }

        RunConcurrently(() => (new float[ServingFloatNet.OutputSize], new bool[ServingFloatNet.OutputSize]), (buffers, thread, call) =>
        {
            int i = Index(thread, call);
            (float[] output, bool[] labels) = buffers;
            net.Predict(inputs[i], output);
            net.Classify(inputs[i], labels);
            for (int k = 0; k < output.Length; k++)
            {
                if (BitConverter.SingleToInt32Bits(output[k]) != BitConverter.SingleToInt32Bits(expected[i][k]))
                    return $"Predict(input {i})[{k}] gave {output[k]:R}, serially {expected[i][k]:R}";
                if (labels[k] != expectedLabels[i][k])
                    return $"Classify(input {i})[{k}] gave {labels[k]}, serially {expectedLabels[i][k]}";
            }
            return null;
        });
    }

    [Fact]
    public void Predict_with_a_pooled_buffer_from_8_threads_matches_serial_calls_bit_for_bit()
    {
        // Hidden layers of 1,200 values: Predict rents its buffer from the shared pool instead of the stack.
        var net = new PooledPredictNet();
        net.InitializeParameters(seed: 31);
        double[][] inputs = Inputs(PooledPredictNet.InputSize, 101, seed: 32);
        double[] expected = Array.ConvertAll(inputs, x => net.Predict(x));

        RunConcurrently((thread, call) =>
        {
            int i = (thread * 13 + call) % inputs.Length;
            double actual = net.Predict(inputs[i]);
            return BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(expected[i])
                ? $"Predict(input {i}) gave {actual:R}, serially {expected[i]:R}"
                : null;
        }, callsPerThread: 500);
    }

    [Fact]
    public void Forward_with_one_cache_per_thread_from_8_threads_matches_a_serial_Forward_bit_for_bit()
    {
        ServingNet net = Trained();
        const int m = 64;
        var batch = new RandomBatch(net.Architecture, m, seed: 41);
        var serial = new ServingNet.Cache(m);
        net.Forward(batch.X, serial);
        double[] expected = serial.A3.ToArray();

        RunConcurrently(() => new ServingNet.Cache(m), (cache, thread, call) =>
        {
            net.Forward(batch.X, cache);
            ReadOnlySpan<double> actual = cache.A3;
            for (int j = 0; j < m; j++)
            {
                if (BitConverter.DoubleToInt64Bits(actual[j]) != BitConverter.DoubleToInt64Bits(expected[j]))
                    return $"Forward: A3[{j}] gave {actual[j]:R}, serially {expected[j]:R}";
            }
            return null;
        }, callsPerThread: 200);
    }

    /// <summary>ServingNet after 200 gradient-descent steps on a random batch; the cost must have fallen.</summary>
    private static ServingNet Trained()
    {
        var net = new ServingNet();
        net.InitializeParameters(seed: 1);
        var batch = new RandomBatch(net.Architecture, m: 128, seed: 2);
        var cache = new ServingNet.Cache(batch.M);
        var grads = new ServingNet.Gradients();
        double first = double.NaN, last = double.NaN;
        for (int step = 0; step < 200; step++)
        {
            net.Forward(batch.X, cache);
            last = net.ComputeCost(cache, batch.Y);
            if (step == 0)
                first = last;
            net.Backward(batch.X, batch.Y, cache, grads);
            net.UpdateParameters(grads, learningRate: 0.1);
        }
        Assert.True(last < 0.9 * first, $"Training did not lower the cost enough: {first} → {last}.");
        return net;
    }

    private static void TrainFloat(ServingFloatNet net)
    {
        var batch = new RandomBatch(net.Architecture, m: 64, seed: 23);
        float[] x = Array.ConvertAll(batch.X, v => (float)v);
        float[] y = Array.ConvertAll(batch.Y, v => (float)v);
        var cache = new ServingFloatNet.Cache(batch.M);
        var grads = new ServingFloatNet.Gradients();
        float first = float.NaN, last = float.NaN;
        for (int step = 0; step < 200; step++)
        {
            net.Forward(x, cache);
            last = net.ComputeCost(cache, y);
            if (step == 0)
                first = last;
            net.Backward(x, y, cache, grads);
            net.UpdateParameters(grads, learningRate: 0.1f);
        }
        Assert.True(last < 0.9f * first, $"Training did not lower the cost enough: {first} → {last}.");
    }

    private static double[][] Inputs(int n0, int count, int seed)
    {
        var random = new NumpyRandom(seed);
        var inputs = new double[count][];
        for (int i = 0; i < count; i++)
        {
            inputs[i] = new double[n0];
            random.FillGaussian(inputs[i]);
        }
        return inputs;
    }

    /// <summary>Thread t starts at input 97·t and steps by t + 1: at any moment the threads read different inputs.</summary>
    private static int Index(int thread, int call) => (97 * thread + call * (thread + 1)) % DistinctInputs;

    private static void RunConcurrently(Func<int, int, string?> call, int callsPerThread = PredictionsPerThread) =>
        RunConcurrently(() => 0, (_, thread, i) => call(thread, i), callsPerThread);

    /// <summary>
    /// Starts <see cref="Threads"/> threads together (each with its own state from <paramref name="perThread"/>), makes
    /// <paramref name="callsPerThread"/> calls on each, and fails with the first mismatch any thread reports.
    /// </summary>
    private static void RunConcurrently<TState>(Func<TState> perThread, Func<TState, int, int, string?> call, int callsPerThread = PredictionsPerThread)
    {
        using var start = new Barrier(Threads);
        string? firstFailure = null;
        long calls = 0;
        var threads = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int thread = t;
            threads[t] = new Thread(() =>
            {
                bool started = false;
                try
                {
                    TState state = perThread();
                    started = true;
                    start.SignalAndWait();
                    for (int i = 0; i < callsPerThread; i++)
                    {
                        string? failure = call(state, thread, i);
                        Interlocked.Increment(ref calls);
                        if (failure is not null)
                        {
                            Interlocked.CompareExchange(ref firstFailure, $"Thread {thread}, call {i}: {failure}", null);
                            return;
                        }
                    }
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref firstFailure, $"Thread {thread} threw: {e}", null);
                    if (!started)
                        start.RemoveParticipant();   // the others must not wait for this thread at the start
                }
            });
            threads[t].Start();
        }
        foreach (Thread thread in threads)
            thread.Join();

        Assert.Null(firstFailure);
        Assert.Equal((long)Threads * callsPerThread, calls);
    }
}
