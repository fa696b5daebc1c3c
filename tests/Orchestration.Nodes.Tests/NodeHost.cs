using Orchestration.Runtime.Docker;
using Orchestration.TestSupport;

namespace Orchestration.Nodes.Tests;

/// <summary>Hosts running the orchestrator on the three engines, with a node grace period; they record every
/// event.</summary>
public static class NodeHost
{
    public static Task<OrchestratorHost> StartAsync(string fleet, TimeSpan grace, params WorkloadSpec[] workloads)
        => StartAsync(fleet, grace, NodesFixture.Configure, workloads);

    public static Task<OrchestratorHost> StartAsync(string fleet, TimeSpan grace, Action<DockerRuntimeOptions> docker, params WorkloadSpec[] workloads)
        => OrchestratorHost.StartAsync(fleet, workloads, docker, o => o.NodeLostGracePeriod = grace, waitSeconds: 90);

    public static WorkloadSpec Web(int replicas, string name = "web") => new()
    {
        Name = name,
        Image = NodesFixture.Image,
        PullPolicy = PullPolicy.Never,
        Replicas = replicas,
        Ports = [new PortSpec("http", 8080)],
        StopGracePeriod = TimeSpan.FromSeconds(1),
    };
}
