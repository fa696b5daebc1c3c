using System.Net;
using Microsoft.Extensions.ServiceDiscovery;
using Orchestration.Services;

namespace Orchestration.ServiceDiscovery;

/// <summary>The ready replicas of one workload port for one query. The port is the query's endpoint name
/// (<c>http://_metrics.web</c>), else the first of the query's schemes that names a port of the workload
/// (<c>https+http://web</c> takes "https" when declared, else "http"), else the workload's first port. Each endpoint
/// carries the scheme it was chosen for. The change token fires as soon as the ready set changes.</summary>
internal sealed class OrchestrationEndpointProvider : IServiceEndpointProvider
{
    private readonly ServiceEndpointQuery _query;
    private readonly IOrchestrator _orchestrator;
    private readonly IServiceEndpoints _endpoints;

    public OrchestrationEndpointProvider(ServiceEndpointQuery query, IOrchestrator orchestrator, IServiceEndpoints endpoints)
    {
        _query = query;
        _orchestrator = orchestrator;
        _endpoints = endpoints;
    }

    public ValueTask PopulateAsync(IServiceEndpointBuilder endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var workload = _query.ServiceName;
        // The token first: a change between reading the endpoints and taking the token must not be missed.
        endpoints.AddChangeToken(_endpoints.GetChangeToken(workload));
        if (_orchestrator.DesiredState?.Find(workload) is not { } spec || ChoosePort(spec) is not { } choice)
        {
            return ValueTask.CompletedTask;
        }

        foreach (var endpoint in _endpoints.GetEndpoints(workload, choice.Port))
        {
            EndPoint address = choice.Scheme is { } scheme
                ? new UriEndPoint(new Uri($"{scheme}://{endpoint.Address}"))
                : IPAddress.TryParse(endpoint.Address.Host, out var ip)
                    ? new IPEndPoint(ip, endpoint.Address.Port)
                    : new DnsEndPoint(endpoint.Address.Host, endpoint.Address.Port);
            endpoints.Endpoints.Add(Microsoft.Extensions.ServiceDiscovery.ServiceEndpoint.Create(address));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public override string ToString() => $"Orchestration ({_query})";

    private (string Port, string? Scheme)? ChoosePort(WorkloadSpec spec)
    {
        var schemes = _query.IncludedSchemes;
        if (_query.EndpointName is { } name)
        {
            return spec.HasPort(name) ? (name, schemes.Count > 1 ? schemes[0] : null) : null;
        }

        foreach (var scheme in schemes)
        {
            if (spec.HasPort(scheme))
            {
                return (scheme, schemes.Count > 1 ? scheme : null);
            }
        }

        return spec.Ports.Length > 0 ? (spec.Ports[0].Name, schemes.Count > 1 ? schemes[^1] : null) : null;
    }
}
