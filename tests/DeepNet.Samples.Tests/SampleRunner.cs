using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using FashionMnist;

namespace DeepNet.Samples.Tests;

/// <summary>Runs the FashionMnist sample, in this process through its entry logic or as its own process.</summary>
internal static class SampleRunner
{
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>Runs <see cref="FashionMnistApp.Run(string[], TextWriter, TextWriter, ITrainingDisplay?, CancellationToken)"/> with plain output.</summary>
    public static Run InProcess(params string[] args) => InProcess(CancellationToken.None, args);

    public static Run InProcess(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = FashionMnistApp.Run(args, output, error, cancellationToken: cancellationToken);
        return new Run(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>dotnet FashionMnist.dll</c> with <paramref name="arguments"/>, its output redirected.</summary>
    public static Run AsProcess(params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FashionMnist.dll"));
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The sample did not finish within 2 minutes: {string.Join(' ', arguments)}");
        }
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The dotnet host running these tests, or <c>dotnet</c> from the PATH.</summary>
    private static string DotnetHost()
    {
        string? path = Environment.ProcessPath;
        return path is not null && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
    }
}
