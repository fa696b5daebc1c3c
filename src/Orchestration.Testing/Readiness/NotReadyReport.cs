using System.Globalization;
using System.Text;

namespace Orchestration.Testing.Readiness;

/// <summary>Writes why a fleet is not ready: per workload that is not, its counts and phase, then per replica that is
/// not ready its phase, restarts, last exit code, reason (pending reason, exit reason or last probe failure) and last
/// log lines.</summary>
internal static class NotReadyReport
{
    public static async Task<string> WriteAsync(TestFleet fleet, FleetStatus status, string what, int logLines, CancellationToken cancellationToken)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Fleet '{fleet.Name}' {what}.");
        foreach (var spec in fleet.Spec.Workloads)
        {
            var workload = status[spec.Name];
            if (FleetReadiness.IsReady(spec, workload))
            {
                continue;
            }

            if (workload is null)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n- {spec.Name}: no status yet");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"\n- {spec.Name} ({workload.Kind}): {workload.Phase}, {workload.Ready} of {workload.Desired} ready");
            if (spec.Dependencies.Length > 0 && workload.Phase == WorkloadPhase.Waiting)
            {
                text.Append(CultureInfo.InvariantCulture, $", waiting for {string.Join(", ", spec.Dependencies.Select(d => d.Workload))}");
            }

            if (workload.Replicas.IsEmpty)
            {
                text.Append(", no replicas");
            }

            foreach (var replica in workload.Replicas.Where(r => !r.Ready && r.Phase != ReplicaPhase.Succeeded))
            {
                await AppendReplicaAsync(text, fleet, replica, logLines, cancellationToken).ConfigureAwait(false);
            }
        }

        return text.ToString();
    }

    private static async Task AppendReplicaAsync(StringBuilder text, TestFleet fleet, ReplicaStatus replica, int logLines, CancellationToken cancellationToken)
    {
        text.Append(CultureInfo.InvariantCulture, $"\n  - replica {replica.Id}: {replica.Phase}");
        if (replica.Node is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" on {replica.Node}");
        }

        if (replica.Restarts > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {replica.Restarts} restarts");
        }

        if (replica.LastExitCode is { } exitCode)
        {
            text.Append(CultureInfo.InvariantCulture, $", last exit code {exitCode}");
        }

        if (!string.IsNullOrEmpty(replica.Reason))
        {
            text.Append(CultureInfo.InvariantCulture, $", reason: {replica.Reason}");
        }

        // The container that ended may already be gone when the report is written: its exit reason keeps its last lines.
        if (!string.IsNullOrEmpty(replica.LastExitReason) && replica.LastExitReason != replica.Reason)
        {
            text.Append(CultureInfo.InvariantCulture, $", last exit: {replica.LastExitReason}");
        }

        if (logLines == 0 || replica.Node is null || replica.ContainerId is null)
        {
            return;
        }

        var lines = await fleet.ContainerLogsAsync(replica, logLines, cancellationToken).ConfigureAwait(false);
        text.Append(lines.Count == 0 ? "; no log output" : $"; last {lines.Count} log lines:");
        foreach (var line in lines)
        {
            text.Append("\n      ").Append(line);
        }
    }
}
