using Orchestration.Runtime;

namespace Orchestration.Observed;

/// <summary>A node as last reported, the runtime that owns it, and since when it has not been Ready.</summary>
internal sealed record ObservedNode(NodeInfo Info, IContainerRuntime Runtime, DateTimeOffset? NotReadySince);
