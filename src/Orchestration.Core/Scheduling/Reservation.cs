using System.Collections.Immutable;

namespace Orchestration.Scheduling;

/// <summary>Resources held on a node for one replica, released when the replica goes. <paramref name="Repels"/> are
/// the workloads the replica's required anti-affinity keeps off the node while it is there.</summary>
internal readonly record struct Reservation(string Node, string Workload, long CpuMillicores, long MemoryBytes, ImmutableArray<string> Repels);
