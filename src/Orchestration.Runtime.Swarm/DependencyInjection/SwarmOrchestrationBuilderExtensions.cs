using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration;
using Orchestration.DependencyInjection;
using Orchestration.Events;
using Orchestration.Hosting;
using Orchestration.Runtime.Swarm;
using Orchestration.Runtime.Swarm.Applying;
using Orchestration.Runtime.Swarm.DependencyInjection;
using Orchestration.Runtime.Swarm.Hosting;
using Orchestration.Runtime.Swarm.Observed;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Docker Swarm backend.</summary>
public static class SwarmOrchestrationBuilderExtensions
{
    /// <summary>Runs the fleet as Docker Swarm services on a swarm's manager instead of in this process's control
    /// loop: the swarm schedules, restarts, updates and rolls back the fleet, which keeps running and healing when the
    /// app stops; a restarted app adopts its services. <see cref="IOrchestrator"/> is the same surface: status,
    /// endpoints and events come from the swarm's tasks and nodes. Call it after <c>AddOrchestration</c>; the
    /// in-process control loop is not started. What Swarm cannot express is listed in docs/swarm.md and refused when
    /// applied.</summary>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="configure">Configures the manager endpoint, endpoint mode, configuration files and timings.</param>
    /// <returns>The same builder.</returns>
    public static IOrchestrationBuilder UseDockerSwarm(this IOrchestrationBuilder builder, Action<SwarmRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        ValidatedOptions.Add<SwarmRuntimeOptions, SwarmRuntimeOptionsValidator>(services, configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SwarmManager>();
        services.TryAddSingleton<RevisionBook>();
        services.TryAddSingleton<SwarmEventDiff>();
        services.TryAddSingleton<SwarmObserver>();
        services.TryAddSingleton<FleetResources>();
        services.TryAddSingleton<SwarmServices>();
        services.TryAddSingleton<SwarmFleetApplier>();
        services.TryAddSingleton<FleetConvergence>();
        services.TryAddSingleton<SwarmNodeOperations>();
        services.TryAddSingleton<ServiceLogs>();
        services.TryAddSingleton<SwarmOrchestrator>();

        // The swarm is the control loop: IOrchestrator is the swarm's, so the in-process loop is not started.
        services.RemoveAll<IOrchestrator>();
        services.AddSingleton<IOrchestrator>(sp => sp.GetRequiredService<SwarmOrchestrator>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SwarmHostedService>());
        return builder;
    }
}
