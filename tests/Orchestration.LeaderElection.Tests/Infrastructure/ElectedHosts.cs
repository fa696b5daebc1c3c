using Microsoft.Extensions.DependencyInjection;
using Orchestration.TestSupport;

namespace Orchestration.LeaderElection.Tests.Infrastructure;

/// <summary>Host instances in this process that elect a leader for one fleet on a lease store, with the tests' short
/// timings (lease 5 s, renew deadline 3.5 s, retry 0.5 s).</summary>
internal static class ElectedHosts
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(3.5);
    public static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(500);

    /// <summary>Starts one instance of <paramref name="fleet"/> on the Redis at <paramref name="redis"/>.</summary>
    public static Task<OrchestratorHost> StartAsync(
        string fleet, IEnumerable<WorkloadSpec> workloads, string redis, Action<OrchestrationOptions>? options = null, Action<IOrchestrationBuilder>? configure = null)
        => OrchestratorHost.StartAsync(fleet, workloads, options: options, waitSeconds: 90, configure: b =>
        {
            b.UseRedisLeaderElection(redis, o =>
            {
                o.LeaseDuration = Lease;
                o.RenewDeadline = RenewDeadline;
                o.RetryPeriod = Retry;
            });
            configure?.Invoke(b);
        });

    public static ILeaderElection Election(this OrchestratorHost host) => host.Services.GetRequiredService<ILeaderElection>();
}
