namespace DeepNet.Samples.Tests.TestData;

/// <summary>A fact that needs Fashion-MNIST in /usr/share/datasets/fashion-mnist: skipped, with the reason, when it is absent.</summary>
public sealed class FashionDataFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to <see cref="FashionData.MissingReason"/> when the data is absent.</summary>
    public FashionDataFactAttribute()
    {
        if (FashionData.MissingReason is { } reason)
            Skip = reason;
    }
}
