namespace DeepNet.Application.Tests.TestData;

/// <summary>A fact that needs the course's cat data set: skipped, with the reason, when it is absent.</summary>
public sealed class CatDataFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to <see cref="CatData.MissingReason"/> when the data is absent.</summary>
    public CatDataFactAttribute()
    {
        if (CatData.MissingReason is { } reason)
            Skip = reason;
    }
}
