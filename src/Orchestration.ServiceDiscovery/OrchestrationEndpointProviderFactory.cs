using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.ServiceDiscovery;
using Orchestration.Services;

namespace Orchestration.ServiceDiscovery;

/// <summary>Answers service-discovery queries whose service name is a workload of the fleet; others are left to the
/// next provider (configuration, pass-through).</summary>
internal sealed class OrchestrationEndpointProviderFactory : IServiceEndpointProviderFactory
{
    private readonly IOrchestrator _orchestrator;
    private readonly IServiceEndpoints _endpoints;

    public OrchestrationEndpointProviderFactory(IOrchestrator orchestrator, IServiceEndpoints endpoints)
    {
        _orchestrator = orchestrator;
        _endpoints = endpoints;
    }

    public bool TryCreateProvider(ServiceEndpointQuery query, [NotNullWhen(true)] out IServiceEndpointProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_orchestrator.DesiredState?.Find(query.ServiceName) is null)
        {
            provider = null;
            return false;
        }

        provider = new OrchestrationEndpointProvider(query, _orchestrator, _endpoints);
        return true;
    }
}
