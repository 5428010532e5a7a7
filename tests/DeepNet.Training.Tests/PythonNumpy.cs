using System;
using System.Diagnostics;
using System.IO;

namespace DeepNet.Training.Tests;

/// <summary>Runs the reference scripts in Python/ with the system's python3, when it has numpy.</summary>
internal static class PythonNumpy
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string?> Missing = new(FindMissingReason);

    /// <summary>Why the numpy references cannot be run here, or null when they can.</summary>
    public static string? MissingReason => Missing.Value;

    /// <summary>Runs Python/<paramref name="script"/> with <paramref name="arguments"/> and <paramref name="input"/> on standard input; returns standard output and fails the test on a non-zero exit.</summary>
    public static string RunScript(string script, string input, params string[] arguments)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Python", script);
        (int exitCode, string output, string error) = Run([path, .. arguments], input);
        Assert.True(exitCode == 0, $"{script} exited with code {exitCode}:\n{error}");
        return output;
    }

    private static string? FindMissingReason()
    {
        if (!File.Exists(Interpreter))
            return $"The numpy reference needs {Interpreter} with numpy; {Interpreter} does not exist.";
        (int exitCode, _, string error) = Run(["-c", "import numpy"], "");
        return exitCode == 0 ? null : $"The numpy reference needs {Interpreter} with numpy; `{Interpreter} -c \"import numpy\"` failed: {error.Trim()}";
    }

    private static (int ExitCode, string Output, string Error) Run(string[] arguments, string input)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{Interpreter} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Interpreter} {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
