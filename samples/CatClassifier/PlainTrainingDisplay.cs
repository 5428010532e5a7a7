using System;
using System.IO;
using DeepNet.Training;

namespace CatClassifier;

/// <summary>Only the course's cost lines: for redirected output and CI.</summary>
public sealed class PlainTrainingDisplay(TextWriter output) : ITrainingDisplay
{
    /// <inheritdoc/>
    public TrainingResult Show(CatModel model, int iterations, Func<Action<TrainingProgress>, TrainingResult> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        return train(progress =>
        {
            if (CourseLines.IsPrinted(progress))
                output.WriteLine(progress.CourseLine);
        });
    }
}
