using System.Diagnostics;

namespace Orchestration.TestSupport;

/// <summary>Runs a program to its end and returns its standard output: the one way the test support runs the docker
/// command line and the repository's scripts.</summary>
internal static class CommandLine
{
    /// <exception cref="InvalidOperationException">The program exited with an error; the message carries what it wrote.</exception>
    public static async Task<string> RunAsync(string file, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }

        return await output;
    }
}
