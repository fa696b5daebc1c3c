using System.Diagnostics;
using System.Reflection;

namespace Orchestration.TestSupport;

/// <summary>Runs the repository's eng/ scripts (engine.sh, images.sh) from tests and benchmarks, wherever their build
/// output lives.</summary>
public static class RepositoryScripts
{
    /// <summary>The repository root: the directory holding Orchestration.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Runs <c>bash {script} {arguments}</c> in the repository root; returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">The script failed; the message carries its output.</exception>
    public static async Task<string> RunAsync(string script, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", $"{script} {arguments}")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not run {script}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {arguments} exited with {process.ExitCode}: {await error}{await output}");
        }

        return await output;
    }

    private static string FindRoot()
    {
        var projectDirectory = typeof(RepositoryScripts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, projectDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Orchestration.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("The repository root (with Orchestration.sln) was not found above " + AppContext.BaseDirectory);
    }
}
