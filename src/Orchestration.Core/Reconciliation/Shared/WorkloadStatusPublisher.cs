using System.Collections.Immutable;
using System.Runtime.InteropServices;
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

        // One sort and one counting pass: this runs after every reconcile, over every replica of the workload.
        var records = book.Replicas.Values.ToArray();
        Array.Sort(records, StatusOrder);
        var replicas = new ReplicaStatus[records.Length];
        int live = 0, ready = 0, available = 0, updated = 0, unplaced = 0;
        string? stalled = null;
        for (var i = 0; i < records.Length; i++)
        {
            var r = replicas[i] = records[i].ToStatus(ctx.Workload);
            available += records[i].IsAvailable(ctx.Now, spec.Update.MinReadyTime) ? 1 : 0;
            if (r.Phase is ReplicaPhase.Succeeded or ReplicaPhase.Failed or ReplicaPhase.Terminating)
            {
                continue;
            }

            live++;
            stalled ??= records[i].Revision == spec.Revision ? records[i].Stalled : null;
            ready += r.Ready ? 1 : 0;
            updated += r.Revision == spec.Revision ? 1 : 0;
            unplaced += r.Phase == ReplicaPhase.Pending && r.Node is null ? 1 : 0;
        }

        var desired = WorkloadPhaseRule.Desired(spec, live);
        var paused = _rollouts.Of(ctx.Workload).PausedReason is not null;
        var phase = WorkloadPhaseRule.Of(spec, book.Finished, paused, desired, replicas.Length, live, ready, updated);
        var status = new WorkloadStatus
        {
            Name = spec.Name,
            Kind = spec.Kind,
            Phase = phase,
            Revision = spec.Revision,
            Desired = desired,
            Ready = ready,
            Available = available,
            Updated = updated,
            Succeeded = book.Succeeded,
            Failed = book.Failed,
            Replicas = ImmutableCollectionsMarshal.AsImmutableArray(replicas),
            CronJob = cron,
            StalledReason = stalled,
        };
        var previous = _board.Get(spec.Name);
        _board.Set(status, unplaced);
        if (previous is null || previous.Ready != status.Ready || previous.Phase != status.Phase)
        {
            WakeDependants(spec.Name);
        }
    }

    /// <summary>Stateful replicas by ordinal, the others by age, then id.</summary>
    private static int StatusOrder(ReplicaRecord a, ReplicaRecord b)
    {
        var c = (a.Ordinal ?? 0).CompareTo(b.Ordinal ?? 0);
        if (c == 0)
        {
            c = a.CreatedAt.CompareTo(b.CreatedAt);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>The last reconciled status of <paramref name="w"/>. Between an apply that changed its revision and the
    /// reconcile that follows, the replicas are still the ones last reported, now moving to the new revision: their
    /// counts stay (a change never makes ready replicas look gone), the phase is Progressing.</summary>
    public static WorkloadStatus Project(WorkloadSpec w, WorkloadStatus? reported) => reported switch
    {
        null => Waiting(w),
        _ when reported.Revision == w.Revision => reported,
        _ when reported.Kind == w.Kind => new WorkloadStatus
        {
            Name = reported.Name,
            Kind = reported.Kind,
            Phase = WorkloadPhase.Progressing,
            Revision = w.Revision,
            Desired = w.Kind == WorkloadKind.DaemonSet ? reported.Desired : WorkloadPhaseRule.DesiredOf(w),
            Ready = reported.Ready,
            Available = reported.Available,
            Updated = reported.Replicas.Count(r => r.Revision == w.Revision),
            Succeeded = reported.Succeeded,
            Failed = reported.Failed,
            Replicas = reported.Replicas,
            CronJob = reported.CronJob,
            StalledReason = null,
        },
        _ => Waiting(w),
    };

    private static WorkloadStatus Waiting(WorkloadSpec w) => new()
    {
        Name = w.Name,
        Kind = w.Kind,
        Phase = WorkloadPhase.Waiting,
        Revision = w.Revision,
        Desired = WorkloadPhaseRule.DesiredOf(w),
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
