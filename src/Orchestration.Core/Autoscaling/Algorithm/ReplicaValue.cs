namespace Orchestration.Autoscaling;

/// <summary>One replica's value of a per-replica metric, and whether it is ready; <see cref="Value"/> is
/// <see langword="null"/> when the replica has no sample yet.</summary>
internal readonly record struct ReplicaValue(string ReplicaId, bool Ready, double? Value);
