using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration;
using Orchestration.DependencyInjection;
using Orchestration.LeaderElection;
using Orchestration.LeaderElection.DependencyInjection;
using Orchestration.LeaderElection.Diagnostics;
using Orchestration.LeaderElection.Election;
using Orchestration.LeaderElection.Fencing;
using Orchestration.LeaderElection.Stores;
using Orchestration.Leadership;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on leader election for a fleet run by several host instances: only the leader reconciles; the
/// others watch and serve reads. Call after <c>AddOrchestration</c>.</summary>
public static class LeaderElectionBuilderExtensions
{
    /// <summary>Elects the leader with a lease on Redis (StackExchange.Redis configuration string, such as
    /// <c>"127.0.0.1:6379"</c>), for instances on several machines.</summary>
    public static IOrchestrationBuilder UseRedisLeaderElection(this IOrchestrationBuilder builder, string configuration, Action<LeaderElectionOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return builder.UseLeaderElection(sp => new RedisLeaseStore(configuration, Fleet(sp), sp.GetRequiredService<IOptions<LeaderElectionOptions>>().Value), configure);
    }

    /// <summary>Elects the leader with a lease on PostgreSQL (an Npgsql connection string), for instances on several
    /// machines. The lease's row lives in the table <c>orchestration_leases</c>, created when missing.</summary>
    public static IOrchestrationBuilder UsePostgresLeaderElection(this IOrchestrationBuilder builder, string connectionString, Action<LeaderElectionOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseLeaderElection(sp => new PostgresLeaseStore(connectionString, Fleet(sp), sp.GetRequiredService<IOptions<LeaderElectionOptions>>().Value), configure);
    }

    /// <summary>Elects the leader with a file lock in <paramref name="directory"/>, for instances on one machine.</summary>
    public static IOrchestrationBuilder UseFileLeaderElection(this IOrchestrationBuilder builder, string directory, Action<LeaderElectionOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return builder.UseLeaderElection(sp => new FileLeaseStore(directory, Fleet(sp)), configure);
    }

    private static IOrchestrationBuilder UseLeaderElection(this IOrchestrationBuilder builder, Func<IServiceProvider, ILeaseStore> store, Action<LeaderElectionOptions>? configure)
    {
        var services = builder.Services;
        ValidatedOptions.Add<LeaderElectionOptions, LeaderElectionOptionsValidator>(services, configure);
        services.Replace(ServiceDescriptor.Singleton(store));
        services.TryAddSingleton<LeaderElector>();
        services.Replace(ServiceDescriptor.Singleton<ILeadership>(sp => sp.GetRequiredService<LeaderElector>()));
        services.TryAddSingleton<ILeaderElection>(sp => sp.GetRequiredService<LeaderElector>());
        services.TryAddSingleton<LateWriteSweeper>();
        services.TryAddSingleton<LeaderElectionMetrics>();
        services.TryAddSingleton<ElectionLoop>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ElectionLoop>(sp => sp.GetRequiredService<ElectionLoop>()));
        return builder;
    }

    private static string Fleet(IServiceProvider services) => services.GetRequiredService<IOptions<OrchestrationOptions>>().Value.FleetName;
}
