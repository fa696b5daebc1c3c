using Orchestration.Runtime;

namespace Orchestration;

/// <summary>Where a ready replica of a workload can be reached on one of its named ports.</summary>
/// <param name="Workload">Workload name.</param>
/// <param name="Port">Port name.</param>
/// <param name="ReplicaId">The replica.</param>
/// <param name="Address">Host and port reachable from the orchestrator's machine.</param>
public sealed record ServiceEndpoint(string Workload, string Port, string ReplicaId, HostEndpoint Address)
{
    /// <summary>The address as a URI with the given scheme, such as <c>http://127.0.0.1:49153</c>.</summary>
    public Uri ToUri(string scheme = "http") => new($"{scheme}://{Address}");
}
