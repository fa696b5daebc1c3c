using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orchestration.AspNetCore.Health;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the fleet's health check.</summary>
public static class OrchestrationHealthChecksBuilderExtensions
{
    /// <summary>Adds a health check of the fleet run by the app's <see cref="Orchestration.IOrchestrator"/>:
    /// <see cref="HealthStatus.Unhealthy"/> (or <paramref name="failureStatus"/>) when a workload that wants replicas has
    /// none ready, or a job failed; <see cref="HealthStatus.Degraded"/> while a rollout is in progress or paused, while
    /// a replica waits to restart, or while fewer replicas are ready than desired; <see cref="HealthStatus.Healthy"/>
    /// otherwise. The result's data has one entry per workload (kind, phase, revision, desired, ready, updated,
    /// restarting, restarts).</summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">What an unhealthy fleet reports; <see langword="null"/> for Unhealthy.</param>
    /// <param name="tags">Tags to filter health endpoints by.</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddOrchestrationHealthChecks(
        this IHealthChecksBuilder builder,
        string name = "orchestration",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new OrchestrationHealthCheck(sp.GetRequiredService<Orchestration.IOrchestrator>()),
            failureStatus,
            tags));
    }
}
