using Orchestration.Runtime;

namespace Orchestration.Services;

/// <summary>Where a balancer connects to reach one ready replica.</summary>
/// <param name="ReplicaId">The replica.</param>
/// <param name="Address">Its fleet-network address and container port when this machine reaches that network directly,
/// otherwise its published port.</param>
internal readonly record struct ReplicaRoute(string ReplicaId, HostEndpoint Address);
