using Orchestration.Runtime;

namespace Orchestration;

/// <summary>A stable address on the orchestrator's machine for one port of a workload: connections to it are spread
/// over the workload's ready replicas, whichever come and go.</summary>
/// <param name="Workload">Workload name.</param>
/// <param name="Port">Port name.</param>
/// <param name="Address">Where the balancer listens.</param>
public sealed record ServiceAddress(string Workload, string Port, HostEndpoint Address)
{
    /// <summary>The address as a URI with the given scheme, such as <c>http://127.0.0.1:6380</c>.</summary>
    public Uri ToUri(string scheme = "http") => new($"{scheme}://{Address}");
}
