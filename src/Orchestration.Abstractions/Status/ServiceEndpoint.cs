using Orchestration.Runtime;

namespace Orchestration;

/// <summary>Where a ready replica of a workload can be reached on one of its named ports.</summary>
/// <param name="workload">Workload name.</param>
/// <param name="port">Port name.</param>
/// <param name="replicaId">The replica.</param>
/// <param name="address">Host and port reachable from the orchestrator's machine.</param>
public sealed class ServiceEndpoint(string workload, string port, string replicaId, HostEndpoint address) : Snapshot
{
    /// <summary>Workload name.</summary>
    public string Workload { get; private init; } = workload;

    /// <summary>Port name.</summary>
    public string Port { get; private init; } = port;

    /// <summary>The replica.</summary>
    public string ReplicaId { get; private init; } = replicaId;

    /// <summary>Host and port reachable from the orchestrator's machine.</summary>
    public HostEndpoint Address { get; private init; } = address;

    /// <summary>The address as a URI with the given scheme, such as <c>http://127.0.0.1:49153</c>.</summary>
    public Uri ToUri(string scheme = "http") => new($"{scheme}://{Address}");
}
