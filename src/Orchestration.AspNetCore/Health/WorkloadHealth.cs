using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orchestration.AspNetCore.Health;

/// <summary>One workload's verdict, its reason and the data the health report carries for it.</summary>
internal sealed record WorkloadHealth(HealthStatus Status, string Reason, IReadOnlyDictionary<string, object> Data)
{
    public static WorkloadHealth Of(WorkloadStatus w)
    {
        var backingOff = w.Replicas.Count(r => r.Phase == ReplicaPhase.BackOff);
        var oldRevision = w.Replicas.Count(r => !string.Equals(r.Revision, w.Revision, StringComparison.Ordinal));
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["kind"] = w.Kind.ToString(),
            ["phase"] = w.Phase.ToString(),
            ["revision"] = w.Revision,
            ["desired"] = w.Desired,
            ["ready"] = w.Ready,
            ["updated"] = w.Updated,
            ["restarting"] = backingOff,
            ["restarts"] = w.Replicas.Sum(r => r.Restarts),
        };

        (HealthStatus, string) verdict = w switch
        {
            { Kind: WorkloadKind.Job, Phase: WorkloadPhase.Failed } => (HealthStatus.Unhealthy, "the job failed"),
            { Kind: WorkloadKind.Job } => (HealthStatus.Healthy, w.Phase.ToString()),
            { Desired: > 0, Ready: 0 } => (HealthStatus.Unhealthy, $"no ready replica of {w.Desired}"),
            { Phase: WorkloadPhase.Paused } => (HealthStatus.Degraded, "its rollout is paused"),
            _ when oldRevision > 0 || (w.Kind == WorkloadKind.Service && w.Updated < w.Desired)
                => (HealthStatus.Degraded, $"rolling out revision {w.Revision}: {w.Updated}/{w.Desired} updated"),
            _ when backingOff > 0 => (HealthStatus.Degraded, $"{backingOff} replica(s) waiting to restart"),
            _ when w.Ready < w.Desired => (HealthStatus.Degraded, $"{w.Ready}/{w.Desired} ready"),
            _ => (HealthStatus.Healthy, $"{w.Ready}/{w.Desired} ready"),
        };
        return new WorkloadHealth(verdict.Item1, verdict.Item2, data);
    }
}
