using System;

namespace FashionMnist;

/// <summary>How a classifier's predictions fall for each true class: <see cref="Count"/>(actual, predicted).</summary>
public sealed class ConfusionMatrix
{
    private readonly int[] _counts;

    private ConfusionMatrix(int classes, int[] counts)
    {
        Classes = classes;
        _counts = counts;
        Total = Sum(0, counts.Length);
        for (int k = 0; k < classes; k++)
            Correct += Count(k, k);
    }

    /// <summary>The number of classes: rows and columns.</summary>
    public int Classes { get; }

    /// <summary>The number of examples.</summary>
    public int Total { get; }

    /// <summary>The number of examples predicted as their true class: the diagonal's sum.</summary>
    public int Correct { get; }

    /// <summary>Correct / Total.</summary>
    public double Accuracy => (double)Correct / Total;

    /// <summary>The number of examples of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public int Count(int actual, int predicted) => _counts[Index(actual) * Classes + Index(predicted)];

    /// <summary>The number of examples of class <paramref name="actual"/>: row <paramref name="actual"/>'s sum.</summary>
    public int ActualCount(int actual) => Sum(Index(actual) * Classes, Classes);

    /// <summary>Tallies <paramref name="predicted"/>[j] against <paramref name="actual"/>[j] for every example j.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty, or a class is outside 0 … classes − 1.</exception>
    public static ConfusionMatrix Of(int classes, ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (actual.Length != predicted.Length || actual.IsEmpty)
            throw new ArgumentException($"One prediction per example is expected: {actual.Length} classes and {predicted.Length} predictions given.", nameof(predicted));
        var counts = new int[classes * classes];
        for (int j = 0; j < actual.Length; j++)
        {
            if ((uint)actual[j] >= (uint)classes || (uint)predicted[j] >= (uint)classes)
                throw new ArgumentException($"Example {j} has class {actual[j]} and prediction {predicted[j]}; classes are 0 … {classes - 1}.", nameof(actual));
            counts[actual[j] * classes + predicted[j]]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    private int Index(int @class) =>
        (uint)@class < (uint)Classes ? @class : throw new ArgumentOutOfRangeException(nameof(@class), @class, $"Classes are 0 … {Classes - 1}.");

    private int Sum(int start, int length)
    {
        int sum = 0;
        foreach (int count in _counts.AsSpan(start, length))
            sum += count;
        return sum;
    }
}
