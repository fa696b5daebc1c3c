using Orchestration.Runtime;

namespace Orchestration;

/// <summary>A stable address on the orchestrator's machine for one port of a workload: connections to it are spread
/// over the workload's ready replicas, whichever come and go.</summary>
/// <param name="workload">Workload name.</param>
/// <param name="port">Port name.</param>
/// <param name="address">Where the balancer listens.</param>
public sealed class ServiceAddress(string workload, string port, HostEndpoint address) : Snapshot
{
    /// <summary>Workload name.</summary>
    public string Workload { get; private init; } = workload;

    /// <summary>Port name.</summary>
    public string Port { get; private init; } = port;

    /// <summary>Where the balancer listens.</summary>
    public HostEndpoint Address { get; private init; } = address;

    /// <summary>The address as a URI with the given scheme, such as <c>http://127.0.0.1:6380</c>.</summary>
    public Uri ToUri(string scheme = "http") => new($"{scheme}://{Address}");
}
