using System;
using DeepNet.Kernels;

namespace DeepNet.Tests;

/// <summary>The one-value helpers and the fused update that the unrolled code of small networks calls.</summary>
public sealed class ScalarKernelTests
{
    private const double SmallestNormal = 2.2250738585072014E-308;

    public static TheoryData<double> Probabilities() =>
    [
        0.0, 1e-320, SmallestNormal / 2, SmallestNormal, 1e-300, 1e-16, 0.25, 0.5, 0.75, Math.BitDecrement(1.0), 1.0,
        -0.5, 1.5, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    ];

    [Theory]
    [MemberData(nameof(Probabilities))]
    public void OneLogarithmForZeroOneLabelsGivesTheLecturesTerm(double a)
    {
        foreach (double y in (double[])[0.0, 1.0, 0.3])
        {
            double clamped = a == 1 ? Math.BitDecrement(1.0) : a >= 0 && a < SmallestNormal ? SmallestNormal : a;
            double lecture = y * Math.Log(clamped) + (1 - y) * Math.Log(1 - clamped);
            SameNumber(lecture, CostKernels.BinaryCrossEntropyTerm(a, y), $"term(a = {a:R}, y = {y})");

            float af = (float)a, yf = (float)y;
            float clampedF = af == 1 ? MathF.BitDecrement(1f) : af >= 0 && af < 1.17549435E-38f ? 1.17549435E-38f : af;
            float lectureF = yf * MathF.Log(clampedF) + (1 - yf) * MathF.Log(1 - clampedF);
            SameNumber(lectureF, CostKernels.BinaryCrossEntropyTerm(af, yf), $"float term(a = {af:R}, y = {yf})");
        }
    }

    /// <summary>Bit-identical, except that any NaN matches any NaN (their payloads depend on the order of operations).</summary>
    private static void SameNumber(double expected, double actual, string what)
    {
        if (!(double.IsNaN(expected) && double.IsNaN(actual)))
            NumericAssert.Identical([expected], [actual], what);
    }

    [Fact]
    public void ScaleAndDescendIsScaleThenGradientDescent()
    {
        var random = new NumpyRandom(12);
        for (int length = 0; length <= 70; length++)
        {
            var parameters = new double[length];
            var gradients = new double[length];
            random.FillGaussian(parameters);
            random.FillGaussian(gradients);
            float[] parametersF = TestNetworks.ToSingle(parameters), gradientsF = TestNetworks.ToSingle(gradients);
            double[] expectedParameters = (double[])parameters.Clone(), expectedGradients = (double[])gradients.Clone();
            UpdateKernels.Scale<double>(expectedGradients, 1.0 / 7);
            UpdateKernels.GradientDescent<double>(expectedParameters, expectedGradients, 0.3);

            UpdateKernels.ScaleAndDescend<double>(parameters, gradients, 1.0 / 7, 0.3);

            NumericAssert.Identical(expectedGradients, gradients, $"gradients, length {length}");
            NumericAssert.Identical(expectedParameters, parameters, $"parameters, length {length}");

            float[] expectedParametersF = (float[])parametersF.Clone(), expectedGradientsF = (float[])gradientsF.Clone();
            UpdateKernels.Scale<float>(expectedGradientsF, 1f / 7);
            UpdateKernels.GradientDescent<float>(expectedParametersF, expectedGradientsF, 0.3f);
            UpdateKernels.ScaleAndDescend<float>(parametersF, gradientsF, 1f / 7, 0.3f);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(expectedGradientsF[i]), BitConverter.SingleToInt32Bits(gradientsF[i]));
                Assert.Equal(BitConverter.SingleToInt32Bits(expectedParametersF[i]), BitConverter.SingleToInt32Bits(parametersF[i]));
            }
        }
    }

    [Fact]
    public void ActivationsFromTheOutputEqualThoseFromZ()
    {
        foreach (double z in (double[])[-40, -3.5, -1e-9, 0, 1e-9, 0.7, 2, 37, 800])
        {
            double dA = 0.37;
            NumericAssert.Identical([ActivationKernels.SigmoidBackward(dA, z)], [ActivationKernels.SigmoidBackwardFromOutput(dA, ActivationKernels.Sigmoid(z))], $"σ' at {z}");
            NumericAssert.Identical([ActivationKernels.TanhBackward(dA, z)], [ActivationKernels.TanhBackwardFromOutput(dA, ActivationKernels.Tanh(z))], $"tanh' at {z}");
        }
    }
}
