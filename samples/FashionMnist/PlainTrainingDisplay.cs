using System;
using System.IO;

namespace FashionMnist;

/// <summary>One line per epoch: for redirected output and CI.</summary>
public sealed class PlainTrainingDisplay(TextWriter output) : ITrainingDisplay
{
    /// <inheritdoc/>
    public TResult Show<TResult>(int epochs, Func<Action<EpochReport>, TResult> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        return train(report => output.WriteLine(report.Line));
    }
}
