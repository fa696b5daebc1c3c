using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orchestration.Reconciliation;

namespace Orchestration.Services;

/// <summary>Registers the endpoint table and its watcher, the service addresses, and the service-discovery variables
/// of dependants; called by <c>AddOrchestration</c>.</summary>
internal static class ServiceRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<ServiceEndpointTable>();
        services.TryAddSingleton<IServiceEndpoints>(sp => sp.GetRequiredService<ServiceEndpointTable>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ServiceEndpointWatcher>());
        services.TryAddSingleton<ServiceAddressRegistry>();
        services.TryAddSingleton<IServiceAddresses>(sp => sp.GetRequiredService<ServiceAddressRegistry>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ServiceAddressRegistry>(sp => sp.GetRequiredService<ServiceAddressRegistry>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyEnvironment, ServiceDiscoveryVariables>());
        services.TryAddSingleton<NodeForwarders>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NodeForwarders>(sp => sp.GetRequiredService<NodeForwarders>()));
        services.TryAddSingleton<ServiceDnsAnswers>();
        services.TryAddSingleton<ServiceDns>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ServiceDns>(sp => sp.GetRequiredService<ServiceDns>()));
        services.TryAddSingleton<IFleetDns>(sp => sp.GetRequiredService<ServiceDns>());
    }
}
