using System.Diagnostics;
using Orchestration.Runtime.Docker;

namespace Orchestration.Benchmarks.Docker;

/// <summary>The three local engines of the multi-node scenarios, started with eng/engine.sh: the default engine as
/// "node1" and the extra engines node2 and node3.</summary>
internal static class NodeEngines
{
    public static string Socket(int node) => node == 1 ? BenchFleet.DefaultEndpoint : $"unix:///var/run/orchestration-node{node}.sock";

    public static string RepoRoot()
    {
        var projectDirectory = typeof(BenchFleet).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
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

    public static async Task StartAsync(int count)
    {
        await ScriptAsync("eng/engine.sh", $"nodes {count}");
        await ScriptAsync("eng/images.sh", string.Join(' ', Enumerable.Range(2, count - 1).Select(Socket)));
    }

    public static Task StopNodeAsync(int node) => ScriptAsync("eng/engine.sh", $"stop-node {node}");

    public static Task StartNodeAsync(int node) => ScriptAsync("eng/engine.sh", $"start-node {node}");

    public static void Configure(DockerRuntimeOptions options, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            options.Nodes.Add(new DockerNodeOptions { Name = $"node{i}", Endpoint = Socket(i), Labels = { ["zone"] = $"z{i}" } });
        }

        options.PingInterval = TimeSpan.FromSeconds(1);
        options.PingTimeout = TimeSpan.FromSeconds(1);
    }

    private static async Task ScriptAsync(string script, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", $"{script} {arguments}")
        {
            WorkingDirectory = RepoRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not run {script}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {arguments} failed ({process.ExitCode}): {await error} {await output}");
        }
    }
}
