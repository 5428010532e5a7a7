namespace DeepNet.Training.Tests;

/// <summary>A fact that is skipped, with the reason, when /usr/bin/python3 with numpy is not available.</summary>
public sealed class NumpyFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to <see cref="PythonNumpy.MissingReason"/> when numpy cannot be run.</summary>
    public NumpyFactAttribute()
    {
        if (PythonNumpy.MissingReason is { } reason)
            Skip = reason;
    }
}
