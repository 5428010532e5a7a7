using System;

namespace DeepNet.Application.Tests.TestData;

/// <summary>A fact that needs the course's cat data set and Linux (bash, ulimit): skipped, with the reason, elsewhere.</summary>
public sealed class LinuxCatDataFactAttribute : FactAttribute
{
    public LinuxCatDataFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "This test limits a child process's file size with bash's ulimit, which needs Linux.";
        else if (CatData.MissingReason is { } reason)
            Skip = reason;
    }
}
