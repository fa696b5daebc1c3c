using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orchestration.AspNetCore.Health;

/// <summary>The fleet's health from its status: Unhealthy when a workload that wants replicas has none ready (or a job
/// failed); Degraded while a rollout is in progress (replicas of an older revision, or fewer updated than desired, or
/// paused), while a replica waits to restart (a restart loop) or while fewer are ready than desired; Healthy otherwise.
/// The data holds one entry per workload.</summary>
internal sealed class OrchestrationHealthCheck(IOrchestrator orchestrator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = orchestrator.GetStatus();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var unhealthy = new List<string>();
        var degraded = new List<string>();
        foreach (var workload in status.Workloads)
        {
            var verdict = WorkloadHealth.Of(workload);
            data[workload.Name] = verdict.Data;
            if (verdict.Status == HealthStatus.Unhealthy)
            {
                unhealthy.Add($"{workload.Name}: {verdict.Reason}");
            }
            else if (verdict.Status == HealthStatus.Degraded)
            {
                degraded.Add($"{workload.Name}: {verdict.Reason}");
            }
        }

        var result = unhealthy.Count > 0
            ? new HealthCheckResult(context.Registration.FailureStatus, string.Join("; ", unhealthy.Concat(degraded)), data: data)
            : degraded.Count > 0
                ? HealthCheckResult.Degraded(string.Join("; ", degraded), data: data)
                : HealthCheckResult.Healthy($"Fleet '{status.Name}': {status.Workloads.Length} workloads healthy", data);
        return Task.FromResult(result);
    }
}
