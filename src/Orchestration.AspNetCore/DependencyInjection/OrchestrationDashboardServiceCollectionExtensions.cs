using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.AspNetCore;
using Orchestration.AspNetCore.Authorization;
using Orchestration.AspNetCore.DependencyInjection;
using Orchestration.AspNetCore.Streaming;
using Orchestration.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the dashboard and its API need.</summary>
public static class OrchestrationDashboardServiceCollectionExtensions
{
    /// <summary>Adds the services of <c>MapOrchestrationDashboard()</c> and <c>MapOrchestrationApi()</c>: authorization
    /// with the secure defaults of <see cref="OrchestrationPolicies.Read"/> (an authenticated user) and
    /// <see cref="OrchestrationPolicies.Operate"/> (refuse everything) for whichever of the two the app does not define,
    /// antiforgery, and the recent-events buffer. Options are validated when the host starts. Calling it again only adds
    /// the <paramref name="configure"/> step.</summary>
    /// <param name="services">The app's services; they must include an <see cref="Orchestration.IOrchestrator"/>
    /// (<c>AddOrchestration()</c>).</param>
    /// <param name="configure">Configures the page and its streams.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddOrchestrationDashboard(this IServiceCollection services, Action<OrchestrationDashboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ValidatedOptions.Add<OrchestrationDashboardOptions, OrchestrationDashboardOptionsValidator>(services, configure);
        services.AddAuthorization();
        services.AddAntiforgery();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<AuthorizationOptions>, DefaultOrchestrationPolicies>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RecentEvents>();
        services.TryAddSingleton<OperationGate>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RecentEventsActivation>());
        return services;
    }
}
