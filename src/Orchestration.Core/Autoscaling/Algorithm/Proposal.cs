namespace Orchestration.Autoscaling;

/// <summary>A metric's proposal: the replica count and the value it saw (average per replica or utilization);
/// <see cref="Replicas"/> is <see langword="null"/> when the metric was missing.</summary>
internal readonly record struct Proposal(int? Replicas, double? Value);
