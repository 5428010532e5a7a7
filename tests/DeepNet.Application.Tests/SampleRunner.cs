using System;
using System.Diagnostics;
using System.IO;
using CatClassifier;

namespace DeepNet.Application.Tests;

/// <summary>Runs the CatClassifier sample, in this process through its entry logic or as its own process.</summary>
internal static class SampleRunner
{
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>Runs <see cref="CatClassifierApp.Run(string[], TextWriter, TextWriter, ITrainingDisplay?, System.Threading.CancellationToken)"/> with plain output.</summary>
    public static Run InProcess(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = CatClassifierApp.Run(args, output, error);
        return new Run(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>dotnet CatClassifier.dll</c> with <paramref name="arguments"/> through <c>bash -c</c>, so a test can set limits first.</summary>
    public static Run AsProcess(string arguments, string? shellPrefix = null)
    {
        string sample = Path.Combine(AppContext.BaseDirectory, "CatClassifier.dll");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{shellPrefix} exec {Quote(DotnetHost())} {Quote(sample)} {arguments}");
        using Process process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The sample did not finish within 2 minutes: {arguments}");
        }
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";

    /// <summary>The dotnet host running these tests, or <c>dotnet</c> from the PATH.</summary>
    private static string DotnetHost()
    {
        string? path = Environment.ProcessPath;
        return path is not null && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
    }
}
