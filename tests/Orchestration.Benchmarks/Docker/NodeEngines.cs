using Orchestration.TestSupport;
using Orchestration.Runtime.Docker;

namespace Orchestration.Benchmarks.Docker;

/// <summary>The three local engines of the multi-node scenarios, started with eng/engine.sh: the default engine as
/// "node1" and the extra engines node2 and node3.</summary>
internal static class NodeEngines
{
    public static string Socket(int node) => node == 1 ? BenchFleet.DefaultEndpoint : $"unix:///var/run/orchestration-node{node}.sock";

    public static async Task StartAsync(int count)
    {
        await RepositoryScripts.RunAsync("eng/engine.sh", $"nodes {count}");
        await RepositoryScripts.RunAsync("eng/images.sh", string.Join(' ', Enumerable.Range(2, count - 1).Select(Socket)));
    }

    public static Task StopNodeAsync(int node) => RepositoryScripts.RunAsync("eng/engine.sh", $"stop-node {node}");

    public static Task StartNodeAsync(int node) => RepositoryScripts.RunAsync("eng/engine.sh", $"start-node {node}");

    public static void Configure(DockerRuntimeOptions options, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            options.Nodes.Add(new DockerNodeOptions { Name = $"node{i}", Endpoint = Socket(i), Labels = { ["zone"] = $"z{i}" } });
        }

        options.PingInterval = TimeSpan.FromSeconds(1);
        options.PingTimeout = TimeSpan.FromSeconds(1);
    }
}
