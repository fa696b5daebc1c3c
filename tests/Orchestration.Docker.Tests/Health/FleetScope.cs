using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Health;

/// <summary>An orchestrator on the real engine for one test: a unique fleet name, every event recorded, and the
/// fleet deleted on dispose.</summary>
public static class FleetScope
{
    public static Task<OrchestratorHost> StartAsync(string prefix, params WorkloadSpec[] workloads)
        => OrchestratorHost.StartAsync(
            $"{prefix}-{Guid.NewGuid().ToString("n")[..6]}",
            workloads,
            waitSeconds: 90,
            eventSeconds: 60,
            deleteFleetOnDispose: true);
}
