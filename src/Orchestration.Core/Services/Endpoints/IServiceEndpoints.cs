using Microsoft.Extensions.Primitives;

namespace Orchestration.Services;

/// <summary>The ready replicas of every workload, with a change token per workload that fires as soon as the control
/// loop publishes a status in which the set changed (a replica became ready, stopped being ready, or left). This is the
/// one source of service discovery, the stable-address balancers and the fleet's DNS.</summary>
public interface IServiceEndpoints
{
    /// <summary>Addresses of the ready replicas of <paramref name="workload"/>, for one port or all, as
    /// <see cref="IOrchestrator.GetEndpoints"/> reports them.</summary>
    IReadOnlyList<ServiceEndpoint> GetEndpoints(string workload, string? port = null);

    /// <summary>A token that fires once the ready endpoints of <paramref name="workload"/> change after this call.</summary>
    IChangeToken GetChangeToken(string workload);
}
