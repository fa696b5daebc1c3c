using System.Collections.Immutable;
using Orchestration.Rollout;
using Orchestration.State;

namespace Orchestration.Reconciliation;

/// <summary>The one place a workload's status is computed: from its book after each reconcile
/// (<see cref="Publish"/>), and, for <see cref="IOrchestrator.GetStatus"/>, projected onto a desired spec the loop has
/// not reconciled yet (<see cref="Project"/>). A change of readiness or phase wakes the workloads that depend on it.</summary>
internal sealed class WorkloadStatusPublisher
{
    private readonly StatusBoard _board;
    private readonly RolloutStore _rollouts;
    private readonly DesiredStateStore _desired;
    private readonly WakeRequests _wake;

    public WorkloadStatusPublisher(StatusBoard board, RolloutStore rollouts, DesiredStateStore desired, WakeRequests wake)
    {
        _board = board;
        _rollouts = rollouts;
        _desired = desired;
        _wake = wake;
    }

    public void Publish(ReconcileContext ctx, WorkloadSpec spec, CronJobStatus? cron = null)
    {
        var book = ctx.Book;
        var replicas = book.Replicas.Values
            .OrderBy(r => r.Ordinal ?? 0).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => r.ToStatus(ctx.Workload)).ToImmutableArray();
        var live = replicas.Where(r => r.Phase is not (ReplicaPhase.Succeeded or ReplicaPhase.Failed or ReplicaPhase.Terminating)).ToList();
        var ready = live.Count(r => r.Ready);
        var available = book.Replicas.Values.Count(r => r.IsAvailable(ctx.Now, spec.Update.MinReadyTime));
        var desired = spec.Kind == WorkloadKind.DaemonSet ? live.Count : DesiredOf(spec);
        var paused = spec.Kind is WorkloadKind.Service or WorkloadKind.StatefulSet && _rollouts.Of(ctx.Workload).PausedReason is not null;
        var phase = book.Finished
            ?? (spec.Kind == WorkloadKind.Job ? WorkloadPhase.Progressing
                : spec.Kind == WorkloadKind.CronJob ? (spec.CronJob.Suspend ? WorkloadPhase.Paused : WorkloadPhase.Available)
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
            CronJob = cron,
        };
        var previous = _board.Get(spec.Name);
        _board.Set(status, live.Count(r => r.Phase == ReplicaPhase.Pending && r.Node is null));
        if (previous is null || previous.Ready != status.Ready || previous.Phase != status.Phase)
        {
            WakeDependants(spec.Name);
        }
    }

    /// <summary>The last reconciled status of <paramref name="w"/>. Between an apply that changed its revision and the
    /// reconcile that follows, the replicas are still the ones last reported, now moving to the new revision: their
    /// counts stay (a change never makes ready replicas look gone), the phase is Progressing.</summary>
    public static WorkloadStatus Project(WorkloadSpec w, WorkloadStatus? reported) => reported switch
    {
        null => Waiting(w),
        _ when reported.Revision == w.Revision => reported,
        _ when reported.Kind == w.Kind => reported with
        {
            Revision = w.Revision,
            Phase = WorkloadPhase.Progressing,
            Desired = w.Kind == WorkloadKind.DaemonSet ? reported.Desired : DesiredOf(w),
            Updated = reported.Replicas.Count(r => r.Revision == w.Revision),
        },
        _ => Waiting(w),
    };

    private static int DesiredOf(WorkloadSpec w) => w.Kind switch
    {
        WorkloadKind.Job => w.Job.Completions,
        WorkloadKind.DaemonSet or WorkloadKind.CronJob => 0,
        _ => w.Replicas,
    };

    private static WorkloadStatus Waiting(WorkloadSpec w) => new()
    {
        Name = w.Name,
        Kind = w.Kind,
        Phase = WorkloadPhase.Waiting,
        Revision = w.Revision,
        Desired = DesiredOf(w),
        Ready = 0,
        Available = 0,
        Updated = 0,
    };

    private void WakeDependants(string workload)
    {
        foreach (var spec in _desired.Current?.Workloads ?? [])
        {
            if (spec.Dependencies.Any(d => d.Workload == workload))
            {
                _wake.Wake(spec.Name);
            }
        }
    }
}
