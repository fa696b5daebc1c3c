using Microsoft.Extensions.DependencyInjection;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;
using Orchestration.TestSupport;

namespace Orchestration.Services.Tests.Infrastructure;

/// <summary>An orchestrator on the real engine for one test: a unique fleet name, service discovery added, every event
/// recorded, and the fleet deleted on dispose.</summary>
internal static class ServiceFleet
{
    public static Task<OrchestratorHost> StartAsync(
        string prefix,
        WorkloadSpec[] workloads,
        Action<IOrchestrationBuilder>? configure = null,
        Action<DockerRuntimeOptions>? docker = null)
        => OrchestratorHost.StartAsync(
            $"{prefix}-{Guid.NewGuid().ToString("n")[..6]}",
            workloads,
            docker: docker,
            waitSeconds: 120,
            eventSeconds: 60,
            deleteFleetOnDispose: true,
            configure: b =>
            {
                b.AddServiceDiscovery();
                configure?.Invoke(b);
            });

    /// <summary>Runs a command in the current container of <paramref name="replica"/>.</summary>
    public static async Task<ExecResult> ExecAsync(this OrchestratorHost host, ReplicaStatus replica, params string[] command)
    {
        var runtime = host.Services.GetRequiredService<IContainerRuntime>();
        return await runtime.ExecAsync(new ContainerRef(replica.Node!, replica.ContainerId!), command, TimeSpan.FromSeconds(20), CancellationToken.None);
    }

    /// <summary>The replica whose container's hostname is <paramref name="hostname"/> (Docker's short container id).</summary>
    public static string ReplicaOf(this OrchestratorHost host, string workload, string hostname)
        => host.Orchestrator.GetStatus()[workload]!.Replicas.FirstOrDefault(r => r.ContainerId?.StartsWith(hostname, StringComparison.Ordinal) == true)?.Id
           ?? "unknown:" + hostname;
}
