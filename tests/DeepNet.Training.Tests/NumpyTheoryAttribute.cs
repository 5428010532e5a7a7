namespace DeepNet.Training.Tests;

/// <summary>A theory that is skipped, with the reason, when /usr/bin/python3 with numpy is not available.</summary>
public sealed class NumpyTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to <see cref="PythonNumpy.MissingReason"/> when numpy cannot be run.</summary>
    public NumpyTheoryAttribute()
    {
        if (PythonNumpy.MissingReason is { } reason)
            Skip = reason;
    }
}
