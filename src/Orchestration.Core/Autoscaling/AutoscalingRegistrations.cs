using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orchestration.Services;

namespace Orchestration.Autoscaling;

/// <summary>Registers the autoscalers (one per service whose spec has autoscaling) and their wake handler; called by
/// <c>AddOrchestration</c>.</summary>
internal static class AutoscalingRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<AutoscalerStatusBoard>();
        services.TryAddSingleton<DependenciesAtZero>();
        services.TryAddSingleton<AutoscalerMetrics>();
        services.TryAddSingleton<AutoscalerService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AutoscalerService>(sp => sp.GetRequiredService<AutoscalerService>()));
        services.TryAddSingleton<AutoscalerWakeRouter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceWakeHandler, AutoscalerWakeRouter>(sp => sp.GetRequiredService<AutoscalerWakeRouter>()));
    }
}
