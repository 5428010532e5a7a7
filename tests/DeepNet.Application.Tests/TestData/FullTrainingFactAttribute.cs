using System.Diagnostics;
using System.Reflection;

namespace DeepNet.Application.Tests.TestData;

/// <summary>
/// A fact that trains on the cat data set for the course's full 2500 iterations: skipped when the data is absent, and
/// when DeepNet.dll is a Debug build, whose unoptimised kernels are about 100 times slower (minutes per model instead of
/// seconds). CI runs the tests in Release.
/// </summary>
public sealed class FullTrainingFactAttribute : FactAttribute
{
    public FullTrainingFactAttribute()
    {
        if (CatData.MissingReason is { } reason)
            Skip = reason;
        else if (typeof(INetwork).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
            Skip = "DeepNet.dll is an unoptimised Debug build, which takes many minutes for the course's 2500 iterations: run dotnet test -c Release.";
    }
}
