using System;
using System.Collections.Generic;

namespace CatClassifier;

/// <summary>How a network classified a data set, by the course's rule (cat when the output is strictly above 0.5).</summary>
/// <param name="Predictions">The predicted label of every image.</param>
/// <param name="Mislabelled">The indices of the images whose prediction differs from their label, in order.</param>
public sealed record Classification(IReadOnlyList<bool> Predictions, IReadOnlyList<int> Mislabelled)
{
    /// <summary>The number of images.</summary>
    public int Count => Predictions.Count;

    /// <summary>The number of images classified correctly.</summary>
    public int Correct => Count - Mislabelled.Count;

    /// <summary>Correct / Count, as the notebook's <c>predict</c> prints it.</summary>
    public double Accuracy => (double)Correct / Count;

    /// <summary>Classifies every image of <paramref name="images"/> with the network's generated <c>Classify</c>.</summary>
    public static Classification Of(ICatNetwork network, CatImageSet images)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(images);
        var predictions = new bool[images.Count];
        var mislabelled = new List<int>();
        var example = new double[CatImageSet.FeatureCount];
        for (int j = 0; j < images.Count; j++)
        {
            images.CopyExample(j, example);
            predictions[j] = network.Classify(example);
            if (predictions[j] != images.IsCat(j))
                mislabelled.Add(j);
        }
        return new Classification(predictions, mislabelled);
    }
}
