namespace Orchestration.Health;

/// <summary>What a replica's probes concluded so far. <see cref="Started"/> is false until the startup probe passed;
/// <see cref="Ready"/> follows readiness; <see cref="Unhealthy"/> is set once liveness (or startup) failed for good
/// and the replica must be restarted. <see cref="LastFailure"/> is the last failed check's description.</summary>
internal sealed record ReplicaHealth(bool Started, bool Ready, string? Unhealthy, string? LastFailure)
{
    public static ReplicaHealth Initial(ProbeSet probes)
        => new(probes.Startup is null, probes.Startup is null && probes.Readiness is null, null, null);
}
