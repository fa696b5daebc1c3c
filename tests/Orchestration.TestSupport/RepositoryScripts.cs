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
    public static Task<string> RunAsync(string script, string arguments)
        => CommandLine.RunAsync("bash", [script, .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)], Root);

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
