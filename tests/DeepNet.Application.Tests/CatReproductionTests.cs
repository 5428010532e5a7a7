using System;
using System.Linq;
using CatClassifier;
using DeepNet.Application.Tests.TestData;
using DeepNet.Training;
using Xunit.Abstractions;

namespace DeepNet.Application.Tests;

/// <summary>
/// The notebook's two models trained on the real data with the generated networks and the generic trainer, against the
/// course's published output and an independent numpy run of the course's own code.
/// </summary>
public sealed class CatReproductionTests(ITestOutputHelper output)
{
    private const double PublishedTolerance = 1e-9;

    /// <summary>
    /// Float64 implementations of the lecture differ only in summation order (about 1e-16 per step); over 100 steps the
    /// relative difference stays below 1e-13 here, so 1e-11 still catches any change to the mathematics.
    /// </summary>
    private const double StepByStepTolerance = 1e-11;

    [FullTrainingFact]
    public void LLayerModel_ReproducesTheCoursesPublishedRun()
    {
        var network = CatModel.Deep.CreateInitialized();

        TrainingResult result = Train(network, CourseNumbers.Iterations);

        int[] printed = [.. Enumerable.Range(0, 25).Select(k => k * 100), 2499];
        Assert.Equal(printed, result.Costs.Select(c => c.Iteration));
        NumericAssert.Relative(CourseNumbers.DeepFirstCost, result.Costs[0].Cost, PublishedTolerance, "cost at iteration 0");
        NumericAssert.Relative(CourseNumbers.DeepLastCost, result.Costs[^1].Cost, PublishedTolerance, "cost at iteration 2499");
        for (int k = 0; k < printed.Length; k++)
            NumericAssert.Relative(NumpyReference.DeepCostsPrinted[k], result.Costs[k].Cost, PublishedTolerance, $"cost at iteration {printed[k]} (numpy)");

        Classification onTrain = Classification.Of(network, CatData.Train);
        Classification onTest = Classification.Of(network, CatData.Test);
        Assert.Equal(CourseNumbers.DeepTrainCorrect, onTrain.Correct);
        Assert.Equal(209, onTrain.Count);
        Assert.Equal(CourseNumbers.DeepTestCorrect, onTest.Correct);
        Assert.Equal(50, onTest.Count);
        Assert.Equal(NumpyReference.DeepMislabelledTestImages, onTest.Mislabelled);
        output.WriteLine($"L-layer model: {CourseNumbers.Iterations} iterations in {result.Elapsed.TotalSeconds:F1} s ({result.Elapsed.TotalMilliseconds / CourseNumbers.Iterations:F2} ms per iteration)");
    }

    [CatDataFact]
    public void LLayerModel_FirstHundredCosts_MatchTheCoursesCodeInNumpy_StepByStep()
    {
        var network = CatModel.Deep.CreateInitialized();

        TrainingResult result = Train(network, 100, reportEvery: 1);

        Assert.Equal(100, result.Costs.Count);
        for (int i = 0; i < 100; i++)
            NumericAssert.Relative(NumpyReference.DeepCostsFirst100[i], result.Costs[i].Cost, StepByStepTolerance, $"cost at iteration {i}");
        output.WriteLine($"L-layer model: 100 iterations in {result.Elapsed.TotalSeconds:F2} s ({result.Elapsed.TotalMilliseconds / 100:F2} ms per iteration)");
    }

    [CatDataFact]
    public void TwoLayerModel_FirstCostLines_AreTheCoursesPublishedOnes()
    {
        var network = CatModel.TwoLayer.CreateInitialized();

        TrainingResult result = Train(network, 101);

        Assert.Equal([0, 100], result.Costs.Select(c => c.Iteration));
        NumericAssert.Relative(CourseNumbers.TwoLayerFirstCost, result.Costs[0].Cost, 1e-14, "cost at iteration 0");
        NumericAssert.Relative(CourseNumbers.TwoLayerCostAt100, result.Costs[1].Cost, 1e-12, "cost at iteration 100");
        Assert.StartsWith("Cost after iteration 0: 0.69304973565998", result.Costs[0].CourseLine);
    }

    [FullTrainingFact]
    public void TwoLayerModel_ReproducesTheCoursesPublishedRun()
    {
        var network = CatModel.TwoLayer.CreateInitialized();

        TrainingResult result = Train(network, CourseNumbers.Iterations);

        NumericAssert.Relative(CourseNumbers.TwoLayerFirstCost, result.Costs[0].Cost, PublishedTolerance, "cost at iteration 0");
        NumericAssert.Relative(CourseNumbers.TwoLayerLastCost, result.Costs[^1].Cost, PublishedTolerance, "cost at iteration 2499");
        Assert.Equal(CourseNumbers.TwoLayerTrainCorrect, Classification.Of(network, CatData.Train).Correct);
        Assert.Equal(CourseNumbers.TwoLayerTestCorrect, Classification.Of(network, CatData.Test).Correct);
        output.WriteLine($"Two-layer model: {CourseNumbers.Iterations} iterations in {result.Elapsed.TotalSeconds:F1} s");
    }

    private static TrainingResult Train(ICatNetwork network, int iterations, int reportEvery = CatModel.CourseReportInterval) =>
        Trainer.Train(network, CatData.Train.X, CatData.Train.Y,
            new TrainingOptions { Iterations = iterations, LearningRate = CourseNumbers.LearningRate, ReportEvery = reportEvery });
}
