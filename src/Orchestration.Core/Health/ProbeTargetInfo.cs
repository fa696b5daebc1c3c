using System.Collections.Immutable;
using Orchestration.Runtime;

namespace Orchestration.Health;

/// <summary>What a prober checks: one container of one replica, on its runtime, reachable on its published ports.</summary>
internal sealed record ProbeTargetInfo(
    string Workload,
    string ReplicaId,
    ContainerRef Container,
    IContainerRuntime Runtime,
    ImmutableDictionary<string, HostEndpoint> Ports);
