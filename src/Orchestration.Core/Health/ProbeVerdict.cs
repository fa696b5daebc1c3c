namespace Orchestration.Health;

/// <summary>A threshold a probe crossed, and the replica's health after it.</summary>
internal readonly record struct ProbeVerdict(ProbeTarget Probe, bool Passed, string? Failure, int Failures, ReplicaHealth Health);
