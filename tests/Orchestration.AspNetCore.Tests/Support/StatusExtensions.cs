namespace Orchestration.AspNetCore.Tests.Support;

internal static class StatusExtensions
{
    public static IReadOnlyList<ReplicaStatus> Replicas(this FleetStatus status, string workload) => status[workload]!.Replicas;
}
