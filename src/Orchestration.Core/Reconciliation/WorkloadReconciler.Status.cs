using System.Collections.Immutable;

namespace Orchestration.Reconciliation;

/// <summary>Publishing the workload's status after each reconcile.</summary>
internal sealed partial class WorkloadReconciler
{
    private void PublishStatus(ReconcileContext ctx, WorkloadSpec spec)
    {
        var book = ctx.Book;
        var replicas = book.Replicas.Values
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => r.ToStatus(ctx.Workload)).ToImmutableArray();
        var live = replicas.Where(r => r.Phase is not (ReplicaPhase.Succeeded or ReplicaPhase.Failed or ReplicaPhase.Terminating)).ToList();
        var ready = live.Count(r => r.Ready);
        var available = book.Replicas.Values.Count(r => r.IsAvailable(ctx.Now, spec.Update.MinReadyTime));
        var desired = spec.Kind switch
        {
            WorkloadKind.Job => spec.Job.Completions,
            WorkloadKind.DaemonSet => live.Count,
            _ => spec.Replicas,
        };
        var paused = spec.Kind == WorkloadKind.Service && _rollouts.Of(ctx.Workload).PausedReason is not null;
        var phase = book.Finished
            ?? (spec.Kind == WorkloadKind.Job ? WorkloadPhase.Progressing
                : paused ? WorkloadPhase.Paused
                : ready == desired && live.Count == desired && replicas.Length == desired && live.All(r => r.Revision == spec.Revision) ? WorkloadPhase.Available
                : WorkloadPhase.Progressing);
        var status = new WorkloadStatus
        {
            Name = spec.Name,
            Kind = spec.Kind,
            Phase = phase,
            Revision = spec.Revision,
            Desired = desired,
            Ready = ready,
            Available = available,
            Updated = live.Count(r => r.Revision == spec.Revision),
            Succeeded = book.Succeeded,
            Failed = book.Failed,
            Replicas = replicas,
        };
        var previous = _status.Get(spec.Name);
        _status.Set(status, live.Count(r => r.Phase == ReplicaPhase.Pending && r.Node is null));
        if (previous is null || previous.Ready != status.Ready || previous.Phase != status.Phase)
        {
            WakeDependants(spec.Name);
        }
    }
}
