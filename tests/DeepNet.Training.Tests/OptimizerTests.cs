using System;
using System.Runtime.CompilerServices;

namespace DeepNet.Training.Tests;

/// <summary>The optimizers' update rules on cases worked by hand, their settings checks and their allocations.</summary>
public sealed class OptimizerTests
{
    private const double HandTolerance = 1e-15;

    /// <summary>Two parameters, W (1 × 1) and b (1 × 1).</summary>
    private static readonly NetworkArchitecture s_twoParameters = new([1, 1], [Activation.Sigmoid], typeof(double));

    [Fact]
    public void GradientDescent_SubtractsAlphaTimesTheGradient_AsUpdateParametersDoes()
    {
        IOptimizerState<double> state = new GradientDescent().CreateState<double>(s_twoParameters);
        double[] theta = [1, -2];

        state.Update(theta, [0.5, 0.25], 0.1);

        NumericAssert.Close([0.95, -2.025], theta, HandTolerance, "θ");
        Assert.Equal(1, state.Step);

        var network = new SmallReluNet();
        network.InitializeParameters(seed: 3);
        var twin = new SmallReluNet();
        twin.InitializeParameters(seed: 3);
        var grads = new SmallReluNet.Gradients();
        new NumpyRandom(4).FillGaussian(grads.Values);
        network.UpdateParameters(grads, 0.0075);
        new GradientDescent().CreateState<double>(twin.Architecture).Update(twin.Parameters, grads.Values, 0.0075);
        NumericAssert.Identical(network.Parameters, twin.Parameters, "θ");
    }

    [Fact]
    public void Momentum_AveragesTheGradients_WorkedByHand()
    {
        IOptimizerState<double> state = new Momentum().CreateState<double>(s_twoParameters);
        double[] theta = [1, 1];

        // v = 0.9·0 + 0.1·0.5 = 0.05; θ = 1 − 0.1·0.05 = 0.995.
        state.Update(theta, [0.5, 0.5], 0.1);
        NumericAssert.Close([0.995, 0.995], theta, HandTolerance, "θ after step 1");

        // v = 0.9·0.05 + 0.1·(−1) = −0.055; θ = 0.995 + 0.1·0.055 = 1.0005.
        state.Update(theta, [-1, -1], 0.1);
        NumericAssert.Close([1.0005, 1.0005], theta, HandTolerance, "θ after step 2");
        Assert.Equal(2, state.Step);
    }

    [Fact]
    public void Momentum_WithBetaZero_IsGradientDescent()
    {
        IOptimizerState<double> state = new Momentum { Beta = 0 }.CreateState<double>(s_twoParameters);
        double[] theta = [1, -2];

        state.Update(theta, [0.5, 0.25], 0.1);
        state.Update(theta, [0.5, 0.25], 0.1);

        NumericAssert.Close([0.9, -2.05], theta, HandTolerance, "θ");
    }

    [Fact]
    public void RmsProp_DividesByTheRootMeanSquare_WorkedByHand()
    {
        IOptimizerState<double> state = new RmsProp().CreateState<double>(s_twoParameters);
        double[] theta = [1, 1];

        // s = 0.1·0.5² = 0.025; θ = 1 − 0.01·0.5 / (√0.025 + 1e-8) = 0.96837722539831608…
        state.Update(theta, [0.5, 0.5], 0.01);

        NumericAssert.Close([0.9683772253983161, 0.9683772253983161], theta, HandTolerance, "θ");
    }

    [Fact]
    public void Adam_CorrectsTheBias_SoItsFirstStepIsAlphaWhateverTheGradientsScale_WorkedByHand()
    {
        IOptimizerState<double> state = new Adam().CreateState<double>(s_twoParameters);
        double[] theta = [1, 1];

        // Step 1: v = 0.1·g, s = 0.001·g², v̂ = g, ŝ = g², so θ = 1 − 0.01·g / (|g| + 1e-8):
        // 1 − 0.005/0.50000001 = 0.99000000019999999600… and 1 − 5/500.00000001 = 0.99000000000019999999…
        state.Update(theta, [0.5, 500], 0.01);
        NumericAssert.Close([0.99000000019999999600, 0.9900000000002], theta, HandTolerance, "θ after step 1");

        // Step 2 on the first parameter, g = −0.5: v = 0.9·0.05 − 0.05 = −0.005, s = 0.999·0.00025 + 0.00025 = 0.00049975,
        // v̂ = −0.005/0.19, ŝ = 0.00049975/0.001999 = 0.25, so θ = 0.9900000002 + 0.01·(0.005/0.19)/0.50000001 = 0.99052631597894736…
        state.Update(theta, [-0.5, 500], 0.01);
        NumericAssert.Close([0.9905263159789473646], theta[..1], HandTolerance, "θ after step 2");
        Assert.Equal(2, state.Step);
    }

    [Fact]
    public void FreshStates_StartFromZero_AndSharedSettingsDoNotShareState()
    {
        var adam = new Adam();
        IOptimizerState<double> first = adam.CreateState<double>(s_twoParameters);
        IOptimizerState<double> second = adam.CreateState<double>(s_twoParameters);
        double[] a = [1, 1], b = [1, 1];

        first.Update(a, [0.5, 0.5], 0.01);
        first.Update(a, [0.5, 0.5], 0.01);
        second.Update(b, [0.5, 0.5], 0.01);

        Assert.Equal(2, first.Step);
        Assert.Equal(1, second.Step);
        NumericAssert.Close([0.99000000019999999600, 0.99000000019999999600], b, HandTolerance, "θ after one step of a fresh state");
    }

    [Fact]
    public void FloatStates_FollowTheDoubleStates()
    {
        var network = new SmallReluNet();
        NetworkArchitecture doubles = network.Architecture;
        NetworkArchitecture floats = new SmallReluFloatNet().Architecture;
        foreach (IOptimizer optimizer in new IOptimizer[] { new GradientDescent(), new Momentum(), new RmsProp(), new Adam() })
        {
            var random = new NumpyRandom(6);
            var theta = new double[doubles.ParameterCount];
            random.FillGaussian(theta);
            float[] thetaF = Array.ConvertAll(theta, v => (float)v);
            IOptimizerState<double> state = optimizer.CreateState<double>(doubles);
            IOptimizerState<float> stateF = optimizer.CreateState<float>(floats);
            var g = new double[theta.Length];
            for (int step = 0; step < 10; step++)
            {
                random.FillGaussian(g);
                state.Update(theta, g, 0.01);
                stateF.Update(thetaF, Array.ConvertAll(g, v => (float)v), 0.01f);
            }
            NumericAssert.Close(theta, Array.ConvertAll(thetaF, v => (double)v), 1e-5, $"{optimizer.GetType().Name} in float");
        }
    }

    [Fact]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // no tier-up of this loop on this thread mid-measurement
    public void Updates_AllocateNothing()
    {
        NetworkArchitecture architecture = new WideNet().Architecture;
        var theta = new double[architecture.ParameterCount];
        var g = new double[architecture.ParameterCount];
        new NumpyRandom(2).FillGaussian(theta);
        new NumpyRandom(3).FillGaussian(g);
        foreach (IOptimizer optimizer in new IOptimizer[] { new GradientDescent(), new Momentum(), new RmsProp(), new Adam() })
        {
            IOptimizerState<double> state = optimizer.CreateState<double>(architecture);
            for (int i = 0; i < 1000; i++)
                state.Update(theta, g, 1e-6);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
                state.Update(theta, g, 1e-6);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(allocated == 0, $"1000 {optimizer.GetType().Name} updates allocated {allocated} bytes.");
            Assert.Equal(2000, state.Step);
        }
    }

    [Fact]
    public void Settings_OutsideTheirRange_AreRejected()
    {
        Assert.Equal("Beta", Assert.Throws<ArgumentOutOfRangeException>(() => new Momentum { Beta = 1 }).ParamName);
        Assert.Equal("Beta", Assert.Throws<ArgumentOutOfRangeException>(() => new Momentum { Beta = -0.1 }).ParamName);
        Assert.Equal("Beta", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp { Beta = double.NaN }).ParamName);
        Assert.Equal("Epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp { Epsilon = 0 }).ParamName);
        Assert.Equal("Beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam { Beta1 = 1 }).ParamName);
        Assert.Equal("Beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam { Beta2 = 1.5 }).ParamName);
        Assert.Equal("Epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam { Epsilon = double.PositiveInfinity }).ParamName);
        Assert.Equal(new Adam { Beta1 = 0.8 }, new Adam { Beta1 = 0.8 });
        Assert.Equal(0.999, new Adam().Beta2);
    }

    [Fact]
    public void Updates_OfTheWrongLength_AreRejected()
    {
        foreach (IOptimizer optimizer in new IOptimizer[] { new GradientDescent(), new Momentum(), new RmsProp(), new Adam() })
        {
            IOptimizerState<double> state = optimizer.CreateState<double>(s_twoParameters);
            Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => state.Update(new double[3], new double[3], 0.1)).ParamName);
            Assert.Equal("gradients", Assert.Throws<ArgumentException>(() => state.Update(new double[2], new double[1], 0.1)).ParamName);
            Assert.Equal(0, state.Step);
            Assert.Throws<ArgumentNullException>(() => optimizer.CreateState<double>(null!));
        }
    }
}
