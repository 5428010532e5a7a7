using System.Collections.Generic;
using System.Linq;
using DeepNet.Samples.Tests.TestData;
using FashionMnist;

namespace DeepNet.Samples.Tests;

public sealed class FashionTrainingTests
{
    private const int Examples = 6000;

    [FashionDataFact]
    public void OneEpochOnATenthOfTheTrainingSet_Learns()
    {
        var network = new FashionNet();
        var settings = new TrainingSettings { Epochs = 1, BatchSize = 64, Seed = 1 };
        network.InitializeParameters(settings.Seed);
        var reported = new List<EpochReport>();

        TrainingRun run = FashionTraining.Run(network, FashionData.Train.Take(Examples), FashionData.Test, settings, reported.Add);

        Assert.Equal(reported, run.Epochs);
        Assert.Equal([0, 1], run.Epochs.Select(e => e.Epoch));
        EpochReport before = run.Epochs[0], after = run.Epochs[1];
        // Ten classes: an untrained network guesses (about 10%) with a cost near ln 10 ≈ 2.3.
        Assert.InRange(before.TestAccuracy, 0.02, 0.25);
        Assert.InRange(before.TrainingCost, 1.8, 4);
        Assert.True(after.TestAccuracy > 0.70, $"Test accuracy after one epoch on {Examples} images: {after.TestAccuracy}.");
        Assert.True(after.TrainingCost < 0.6 * before.TrainingCost, $"The training cost went from {before.TrainingCost} to {after.TrainingCost}.");
        Assert.True(after.Test.Cost < 0.6 * before.Test.Cost, $"The test cost went from {before.Test.Cost} to {after.Test.Cost}.");
        Assert.Equal(10000, after.Test.Confusion.Total);
        Assert.True(after.EpochTime > System.TimeSpan.Zero && run.TrainingTime == after.EpochTime);

        // The report saw the trained parameters: evaluating them again gives the same numbers.
        Evaluation again = new SetEvaluator(network).Evaluate(FashionData.Test);
        Assert.Equal(after.Test.Confusion.Correct, again.Confusion.Correct);
        Assert.Equal(after.Test.Cost, again.Cost);
    }

    [FashionDataFact]
    public void TheSameSeed_GivesTheSameRun()
    {
        FashionImageSet train = FashionData.Train.Take(1000);
        FashionImageSet test = FashionData.Test.Take(1000);
        var settings = new TrainingSettings { Epochs = 2, BatchSize = 100, Seed = 3 };

        double[] Costs()
        {
            var network = new FashionNet();
            network.InitializeParameters(settings.Seed);
            TrainingRun run = FashionTraining.Run(network, train, test, settings);
            return run.Epochs.SelectMany(e => new[] { e.TrainingCost, e.Test.Cost }).ToArray();
        }

        Assert.Equal(Costs(), Costs());
    }
}
