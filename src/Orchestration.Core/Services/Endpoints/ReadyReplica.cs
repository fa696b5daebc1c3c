namespace Orchestration.Services;

/// <summary>A replica that passes readiness, with where it runs and its address on the fleet network of its node.</summary>
/// <param name="Status">Its status as the control loop last published it.</param>
/// <param name="NetworkAddress">Its address on its node's fleet network, when the runtime reports one.</param>
internal sealed record ReadyReplica(ReplicaStatus Status, string? NetworkAddress);
