namespace FashionMnist;

/// <summary>How a network does on a data set.</summary>
/// <param name="Cost">The categorical cross-entropy −1/m Σ Y log A[L] over the whole set.</param>
/// <param name="Confusion">Its most probable classes against the true ones.</param>
public sealed record Evaluation(double Cost, ConfusionMatrix Confusion)
{
    /// <summary>The fraction of examples classified correctly.</summary>
    public double Accuracy => Confusion.Accuracy;
}
