using System;
using DeepNet.Kernels;
using DeepNet.Tests.TestData;

namespace DeepNet.Tests;

/// <summary>
/// The notebook's test cases ("Building your Deep Neural Network: Step by Step") run on generated networks,
/// within 1e-12 of numpy's float64 results.
/// </summary>
public sealed class CourseCaseTests
{
    [CourseFact]
    public void L_model_forward_2hidden_gives_the_course_AL_and_caches()
    {
        JsonCase data = CourseTestCases.Case("L_model_forward_2hidden");
        var net = new TinyNet();
        data.Matrix("W1").CopyTo(net.W1);
        data.Matrix("b1").CopyTo(net.b1);
        data.Matrix("W2").CopyTo(net.W2);
        data.Matrix("b2").CopyTo(net.b2);
        data.Matrix("W3").CopyTo(net.W3);
        data.Matrix("b3").CopyTo(net.b3);
        double[] X = data.Matrix("X", out _, out int m);
        Assert.Equal(4, m);
        var cache = new TinyNet.Cache(m);

        net.Forward(X, cache);

        NumericAssert.Close(data.Matrix("AL"), cache.A3, NumericAssert.CourseTolerance, "AL");
        NumericAssert.Close(data.Matrix("Z", 0), cache.Z1, NumericAssert.CourseTolerance, "Z1");
        NumericAssert.Close(data.Matrix("Z", 1), cache.Z2, NumericAssert.CourseTolerance, "Z2");
        NumericAssert.Close(data.Matrix("Z", 2), cache.Z3, NumericAssert.CourseTolerance, "Z3");
        Assert.True(cache.Output == cache.A3, "Output is A[L] itself.");
    }

    [CourseFact]
    public void Compute_cost_gives_the_course_cost()
    {
        JsonCase data = CourseTestCases.Case("compute_cost");
        double[] AL = data.Matrix("AL", out _, out int m);
        Assert.Equal(3, m);
        var net = new TwoLayerNet();
        var cache = new TwoLayerNet.Cache(m);
        AL.CopyTo(cache.A2);

        double cost = net.ComputeCost(cache, data.Matrix("Y"));

        Assert.Equal(0.2797765635793422, data.Number("cost"));
        Assert.InRange(cost, 0.2797765635793422 - NumericAssert.CourseTolerance, 0.2797765635793422 + NumericAssert.CourseTolerance);
    }

    [CourseFact]
    public void L_model_backward_with_the_course_caches_gives_the_course_gradients()
    {
        JsonCase data = CourseTestCases.Case("L_model_backward");
        JsonCase layer1 = data.Element("caches", 0);
        JsonCase layer2 = data.Element("caches", 1);
        var net = new TwoLayerNet();
        layer1.Matrix("W").CopyTo(net.W1);
        layer1.Matrix("b").CopyTo(net.b1);
        layer2.Matrix("W").CopyTo(net.W2);
        layer2.Matrix("b").CopyTo(net.b2);
        double[] X = layer1.Matrix("A_prev", out _, out int m);
        Assert.Equal(2, m);
        // The course's caches are independent draws: A1 is not relu(Z1) and AL is not sigmoid(Z2). Backward reads
        // each derivative from Z and dA[L] from A[L], as the course does, so they are set as given.
        var cache = new TwoLayerNet.Cache(m);
        layer1.Matrix("Z").CopyTo(cache.Z1);
        layer2.Matrix("A_prev").CopyTo(cache.A1);
        layer2.Matrix("Z").CopyTo(cache.Z2);
        data.Matrix("AL").CopyTo(cache.A2);
        var grads = new TwoLayerNet.Gradients();

        net.Backward(X, data.Matrix("Y"), cache, grads);

        NumericAssert.Close(data.Matrix("dA1"), cache.dA1, NumericAssert.CourseTolerance, "dA1");
        NumericAssert.Close(data.Matrix("dW2"), grads.dW2, NumericAssert.CourseTolerance, "dW2");
        NumericAssert.Close(data.Matrix("db2"), grads.db2, NumericAssert.CourseTolerance, "db2");
        NumericAssert.Close(data.Matrix("dW1"), grads.dW1, NumericAssert.CourseTolerance, "dW1");
        NumericAssert.Close(data.Matrix("db1"), grads.db1, NumericAssert.CourseTolerance, "db1");
    }

    [CourseFact]
    public void Linear_backward_kernels_give_the_course_gradients()
    {
        JsonCase data = CourseTestCases.Case("linear_backward");
        double[] dZ = data.Matrix("dZ", out int n, out int m);
        double[] APrev = data.Matrix("A_prev", out int nPrev, out _);
        double[] W = data.Matrix("W");
        var dW = new double[n * nPrev];
        var db = new double[n];
        var dAPrev = new double[nPrev * m];

        DenseKernels.WeightGradient<double>(dZ, APrev, dW, n, nPrev, m, 1.0 / m);
        DenseKernels.BiasGradient<double>(dZ, db, n, m, 1.0 / m);
        DenseKernels.InputGradient<double>(W, dZ, dAPrev, n, nPrev, m);

        NumericAssert.Close(data.Matrix("dW"), dW, NumericAssert.CourseTolerance, "dW");
        NumericAssert.Close(data.Matrix("db"), db, NumericAssert.CourseTolerance, "db");
        NumericAssert.Close(data.Matrix("dA_prev"), dAPrev, NumericAssert.CourseTolerance, "dA_prev");
    }

    [CourseFact]
    public void Update_parameters_gives_the_course_parameters()
    {
        JsonCase data = CourseTestCases.Case("update_parameters");
        JsonCase parameters = data.Object("params");
        JsonCase gradients = data.Object("grads");
        JsonCase expected = data.Object("expected");
        var net = new TwoLayerNet();
        parameters.Matrix("W1").CopyTo(net.W1);
        parameters.Matrix("b1").CopyTo(net.b1);
        parameters.Matrix("W2").CopyTo(net.W2);
        parameters.Matrix("b2").CopyTo(net.b2);
        var grads = new TwoLayerNet.Gradients();
        gradients.Matrix("dW1").CopyTo(grads.dW1);
        gradients.Matrix("db1").CopyTo(grads.db1);
        gradients.Matrix("dW2").CopyTo(grads.dW2);
        gradients.Matrix("db2").CopyTo(grads.db2);

        net.UpdateParameters(grads, data.Number("lr"));

        NumericAssert.Close(expected.Matrix("W1"), net.W1, NumericAssert.CourseTolerance, "W1");
        NumericAssert.Close(expected.Matrix("b1"), net.b1, NumericAssert.CourseTolerance, "b1");
        NumericAssert.Close(expected.Matrix("W2"), net.W2, NumericAssert.CourseTolerance, "W2");
        NumericAssert.Close(expected.Matrix("b2"), net.b2, NumericAssert.CourseTolerance, "b2");
    }
}
