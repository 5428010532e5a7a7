using System;
using DeepNet.Training;

namespace CatClassifier;

/// <summary>Shows a training run while it goes: at least the course's cost lines.</summary>
public interface ITrainingDisplay
{
    /// <summary>Runs <paramref name="train"/>, passing it the callback that receives every iteration's progress.</summary>
    TrainingResult Show(CatModel model, int iterations, Func<Action<TrainingProgress>, TrainingResult> train);
}
