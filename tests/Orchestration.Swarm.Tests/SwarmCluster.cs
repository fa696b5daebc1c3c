using Orchestration.TestSupport;

namespace Orchestration.Swarm.Tests;

/// <summary>The 3-node swarm that eng/swarm.sh brings up (idempotently) for these tests: one engine per network
/// namespace, node1 the manager.</summary>
public static class SwarmCluster
{
    private static readonly Lazy<Task<string>> Manager = new(UpAsync);

    /// <summary>The manager's endpoint, once the swarm is up with the test images on every node.</summary>
    public static Task<string> ManagerAsync() => Manager.Value;

    public static Task StopNodeAsync(int node) => RepositoryScripts.RunAsync("eng/swarm.sh", $"stop-node {node}");

    public static Task StartNodeAsync(int node) => RepositoryScripts.RunAsync("eng/swarm.sh", $"start-node {node}");

    private static async Task<string> UpAsync()
    {
        await RepositoryScripts.RunAsync("eng/images.sh", "");
        var output = await RepositoryScripts.RunAsync("eng/swarm.sh", "up 3");
        return output.Trim().Split('\n')[^1].Trim();
    }
}
