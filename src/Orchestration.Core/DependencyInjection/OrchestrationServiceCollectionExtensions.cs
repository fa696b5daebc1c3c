using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration;
using Orchestration.DependencyInjection;
using Orchestration.Diagnostics;
using Orchestration.Events;
using Orchestration.Health;
using Orchestration.Hosting;
using Orchestration.Observed;
using Orchestration.Reconciliation;
using Orchestration.Rollout;
using Orchestration.Scheduling;
using Orchestration.Services;
using Orchestration.State;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the orchestrator.</summary>
public static class OrchestrationServiceCollectionExtensions
{
    /// <summary>Adds the orchestrator, its options (validated when the host starts), its metrics (on the meter named
    /// <see cref="OrchestrationMetrics.MeterName"/>) and the hosted service that runs its control loop. Calling it again
    /// only adds the <paramref name="configure"/> step.</summary>
    public static IOrchestrationBuilder AddOrchestration(this IServiceCollection services, Action<OrchestrationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ValidatedOptions.Add<OrchestrationOptions, OrchestrationOptionsValidator>(services, configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EventHub>();
        services.TryAddSingleton<IEventHub>(sp => sp.GetRequiredService<EventHub>());
        services.TryAddSingleton<Orchestration.Leadership.ILeadership, Orchestration.Leadership.SoleLeadership>();
        services.TryAddSingleton<Orchestration.Leadership.FollowerView>();
        services.TryAddSingleton<Orchestration.Leadership.LeadershipResync>();
        services.TryAddSingleton<Orchestration.Leadership.FleetStateHandover>();
        services.TryAddSingleton<Orchestration.Leadership.IFleetStateHandover>(sp => sp.GetRequiredService<Orchestration.Leadership.FleetStateHandover>());
        services.TryAddSingleton<Orchestration.Leadership.IObservedContainers, Orchestration.Leadership.ObservedContainers>();
        services.TryAddSingleton<CronScheduleMarks>();
        services.TryAddSingleton<DesiredStateStore>();
        services.TryAddSingleton<ObservedState>();
        services.TryAddSingleton<SchedulingCache>();
        services.TryAddSingleton<Scheduler>();
        services.TryAddSingleton<ReplicaBook>();
        services.TryAddSingleton<StatusBoard>();
        services.TryAddSingleton<LaunchFactory>();
        Orchestration.Secrets.SecretRegistrations.Add(services);
        services.TryAddSingleton<WakeRequests>();
        services.TryAddSingleton<HealthMonitor>();
        services.TryAddSingleton<RolloutStore>();
        services.TryAddSingleton<Rollbacks>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyEnvironment, DependencyAddresses>());
        AddControllers(services);
        services.TryAddSingleton<FleetMetrics>();
        services.TryAddSingleton<ControlLoop>();
        services.TryAddSingleton<Orchestrator>();
        services.TryAddSingleton<IOrchestrator>(sp => sp.GetRequiredService<Orchestrator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OrchestrationHostedService>());
        services.TryAddSingleton<Orchestration.Configuration.ConfiguredFleet>();
        services.TryAddSingleton<IDeclaredFleet>(sp => sp.GetRequiredService<Orchestration.Configuration.ConfiguredFleet>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Orchestration.Configuration.ConfigurationReloads>());
        ServiceRegistrations.Add(services);
        Orchestration.Autoscaling.AutoscalingRegistrations.Add(services);
        return new OrchestrationBuilder(services);
    }

    /// <summary>The controllers (one per workload kind, and node lifecycle) and the shared steps they call.</summary>
    private static void AddControllers(IServiceCollection services)
    {
        services.TryAddSingleton<Expectations>();
        services.TryAddSingleton<ContainerControl>();
        services.TryAddSingleton<NodeConditions>();
        services.TryAddSingleton<NodeLifecycleController>();
        services.TryAddSingleton<WorkloadStatusPublisher>();
        services.TryAddSingleton<ReplicaRemoval>();
        services.TryAddSingleton<ReplicaExits>();
        services.TryAddSingleton<ReplicaHealthTracker>();
        services.TryAddSingleton<ReplicaSync>();
        services.TryAddSingleton<ReplicaLauncher>();
        services.TryAddSingleton<DependencyGate>();
        services.TryAddSingleton<ReplicaPipeline>();
        services.TryAddSingleton<RolloutProgress>();
        services.TryAddSingleton<NoExecuteEviction>();
        services.TryAddSingleton<DrainMoves>();
        services.TryAddSingleton<ServiceRollout>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<StatefulVolumes>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkloadController, ServiceController>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkloadController, DaemonSetController>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkloadController, JobController>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkloadController, StatefulSetController>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkloadController, CronJobController>());
        services.TryAddSingleton<WorkloadReconciler>();
    }

    /// <summary>Adds a workload configured with the fluent builder.</summary>
    public static IOrchestrationBuilder AddWorkload(this IOrchestrationBuilder builder, string name, Action<WorkloadBuilder> configure)
    {
        builder.Services.AddSingleton(new WorkloadRegistration(f => f.AddWorkload(name, configure)));
        return builder;
    }

    /// <summary>Adds a workload spec.</summary>
    public static IOrchestrationBuilder AddWorkload(this IOrchestrationBuilder builder, WorkloadSpec spec)
    {
        builder.Services.AddSingleton(new WorkloadRegistration(f => f.AddWorkload(spec)));
        return builder;
    }

    /// <summary>Adds a typed workload: a <c>[Workload]</c> partial class whose spec was generated at compile time.</summary>
    public static IOrchestrationBuilder AddWorkload<TWorkload>(this IOrchestrationBuilder builder)
        where TWorkload : ITypedWorkload
    {
        builder.Services.AddSingleton(new WorkloadRegistration(f => f.AddWorkload<TWorkload>()));
        return builder;
    }
}
