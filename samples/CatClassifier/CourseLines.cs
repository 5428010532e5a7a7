using DeepNet.Training;

namespace CatClassifier;

/// <summary>Which costs the notebook prints: every 100th iteration and the last one.</summary>
public static class CourseLines
{
    /// <summary>True for the iterations whose cost line the notebook prints.</summary>
    public static bool IsPrinted(TrainingProgress progress) =>
        progress.Iteration % CatModel.CourseReportInterval == 0 || progress.Iteration == progress.Iterations - 1;
}
