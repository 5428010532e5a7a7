using System;
using System.Diagnostics;
using System.IO;

namespace DeepNet.Interop.Tests;

/// <summary>Runs the scripts in Python/ with the system's python3, when it has numpy.</summary>
internal static class PythonNumpy
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string?> Missing = new(FindMissingReason);

    /// <summary>Why numpy interop cannot be tested here, or null when it can.</summary>
    public static string? MissingReason => Missing.Value;

    /// <summary>Runs Python/<paramref name="script"/> with <paramref name="arguments"/> and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string RunScript(string script, params string[] arguments)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Python", script);
        (int exitCode, string output, string error) = Run([path, .. arguments]);
        Assert.True(exitCode == 0, $"{script} exited with code {exitCode}:\n{error}");
        return output;
    }

    private static string? FindMissingReason()
    {
        if (!File.Exists(Interpreter))
            return $"numpy interop tests need {Interpreter} with numpy; {Interpreter} does not exist.";
        (int exitCode, _, string error) = Run(["-c", "import numpy"]);
        return exitCode == 0 ? null : $"numpy interop tests need {Interpreter} with numpy; `{Interpreter} -c \"import numpy\"` failed: {error.Trim()}";
    }

    private static (int ExitCode, string Output, string Error) Run(string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{Interpreter} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Interpreter} {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s.");
        }
        return (process.ExitCode, output, error.Result);
    }
}
