using System;

namespace FashionMnist;

/// <summary>Shows a training run while it goes: at least one line per epoch.</summary>
public interface ITrainingDisplay
{
    /// <summary>Runs <paramref name="train"/>, passing it the callback that receives every epoch's report, and returns its result.</summary>
    TResult Show<TResult>(int epochs, Func<Action<EpochReport>, TResult> train);
}
