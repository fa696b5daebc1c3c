using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.ServiceDiscovery;
using Orchestration.ServiceDiscovery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the fleet as a source of Microsoft.Extensions.ServiceDiscovery.</summary>
public static class OrchestrationServiceDiscoveryExtensions
{
    /// <summary>Adds service discovery (<c>AddServiceDiscovery()</c>) with the fleet's workloads as its first source:
    /// <c>http://web</c>, <c>https+http://web</c> and <c>http://_metrics.web</c> resolve to the ready replicas of
    /// workload "web" (on its port named after the scheme, or the named port), and change as soon as a replica becomes
    /// ready or stops being ready. Names that are not workloads of the fleet go to the next source (configuration, then
    /// pass-through). Use it with <c>AddHttpClient(...).AddServiceDiscovery()</c>.</summary>
    /// <param name="builder">The orchestration builder.</param>
    /// <returns>The same builder.</returns>
    public static IOrchestrationBuilder AddServiceDiscovery(this IOrchestrationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var descriptor = ServiceDescriptor.Singleton<IServiceEndpointProviderFactory, OrchestrationEndpointProviderFactory>();
        if (!services.Any(d => d.ServiceType == typeof(IServiceEndpointProviderFactory) && d.ImplementationType == typeof(OrchestrationEndpointProviderFactory)))
        {
            // First among the providers: the pass-through provider adds the bare name when no provider before it did.
            var first = services.Select((d, i) => (d, i)).FirstOrDefault(p => p.d.ServiceType == typeof(IServiceEndpointProviderFactory));
            services.Insert(first.d is null ? services.Count : first.i, descriptor);
        }

        services.AddServiceDiscovery();
        return builder;
    }
}
