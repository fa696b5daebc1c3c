using Microsoft.Extensions.DependencyInjection;
using Orchestration.Runtime.Docker;
using Orchestration.Testing;

namespace Orchestration.Services.Tests.Infrastructure;

/// <summary>A test fleet on the real engine with service discovery added, started without waiting for readiness (the
/// tests wait for what they check).</summary>
internal static class ServiceFleet
{
    public static Task<TestFleet> StartAsync(
        string prefix,
        WorkloadSpec[] workloads,
        Action<IOrchestrationBuilder>? configure = null,
        Action<DockerRuntimeOptions>? docker = null)
        => TestFleet.StartAsync(
            b =>
            {
                foreach (var workload in workloads)
                {
                    b.AddWorkload(workload);
                }

                b.ConfigureOrchestrationBuilder(o =>
                {
                    o.AddServiceDiscovery();
                    configure?.Invoke(o);
                });
                if (docker is not null)
                {
                    b.ConfigureDocker(docker);
                }
            },
            new TestFleetOptions { FleetNamePrefix = prefix, WaitUntilReady = false });

    /// <summary>The replica whose container's hostname is <paramref name="hostname"/> (Docker's short container id).</summary>
    public static string ReplicaOf(this TestFleet fleet, string workload, string hostname)
        => fleet.Orchestrator.GetStatus()[workload]!.Replicas.FirstOrDefault(r => r.ContainerId?.StartsWith(hostname, StringComparison.Ordinal) == true)?.Id
           ?? "unknown:" + hostname;
}
