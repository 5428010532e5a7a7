namespace DeepNet.Tests.TestData;

/// <summary>A fact that needs the course's reference data: skipped, with the reason, when the file is absent.</summary>
public sealed class CourseFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to <see cref="CourseTestCases.MissingReason"/> when the file is absent.</summary>
    public CourseFactAttribute()
    {
        if (CourseTestCases.MissingReason is { } reason)
            Skip = reason;
    }
}
