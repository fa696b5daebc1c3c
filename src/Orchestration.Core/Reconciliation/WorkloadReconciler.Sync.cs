using System.Globalization;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.Scheduling;

namespace Orchestration.Reconciliation;

/// <summary>Matching observed containers with replicas: adoption, leftovers, exits and lost nodes.</summary>
internal sealed partial class WorkloadReconciler
{
    /// <summary>Adopts running containers that no replica knows (after a restart of the orchestrator): of the desired
    /// revision, and for services and daemon sets of any revision, which the rolling update then replaces within its
    /// budget, as if the change had been applied to a running orchestrator. Removes leftovers: old containers of a
    /// replica, replicas given up, other revisions of jobs.</summary>
    private async Task SyncContainersAsync(ReconcileContext ctx, WorkloadSpec spec, IReadOnlyList<ContainerInfo> containers, CancellationToken cancellationToken)
    {
        foreach (var c in containers)
        {
            var id = c.Label(OrchestrationLabels.Replica);
            if (id is not null && ctx.Book.Replicas.TryGetValue(id, out var known))
            {
                if (known.Container?.Id != c.Ref.Id)
                {
                    // Not the replica's current container (an earlier attempt): garbage, removed off the critical
                    // path; a failed removal is tried again by a later reconcile, since it is still observed then.
                    RemoveInBackground(c.Ref);
                }

                continue;
            }

            var reason = LeftoverReason(ctx, spec, c, id);
            if (reason is not null && !AnswersForRemoval(c.Ref.Node))
            {
                continue;
            }

            if (reason is not null)
            {
                await RemoveContainerAsync(c.Ref, cancellationToken).ConfigureAwait(false);
                Emit(new ReplicaRemoved { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = id ?? c.Name, Reason = reason });
                ctx.Book.Abandoned.Remove(id ?? string.Empty);
                continue;
            }

            Adopt(ctx, spec, c, id!);
        }
    }

    private string? LeftoverReason(ReconcileContext ctx, WorkloadSpec spec, ContainerInfo c, string? id)
    {
        if (id is null)
        {
            return "its container has no replica label";
        }

        if (ctx.Book.Abandoned.Contains(id))
        {
            return "its node was lost and the replica was replaced";
        }

        if (ctx.Book.Finished is not null)
        {
            return "the job has finished";
        }

        if (!string.Equals(c.Label(OrchestrationLabels.Revision), spec.Revision, StringComparison.Ordinal)
            && (spec.Kind == WorkloadKind.Job || c.Label(OrchestrationLabels.Revision) is null))
        {
            return $"revision {c.Label(OrchestrationLabels.Revision)} is not the desired {spec.Revision}";
        }

        if (c.State is not (ContainerState.Running or ContainerState.Created))
        {
            return "its container is not running";
        }

        if (spec.Kind == WorkloadKind.DaemonSet && ctx.Book.Replicas.Values.Any(r => r.PinnedNode == c.Ref.Node))
        {
            return "the node already has a replica of this daemon set";
        }

        return null;
    }

    private void Adopt(ReconcileContext ctx, WorkloadSpec spec, ContainerInfo c, string id)
    {
        var record = new ReplicaRecord
        {
            Id = id,
            Revision = c.Label(OrchestrationLabels.Revision) ?? spec.Revision,
            CreatedAt = c.StartedAt ?? ctx.Now,
            PinnedNode = spec.Kind == WorkloadKind.DaemonSet ? c.Ref.Node : null,
            Container = c.Ref,
            Phase = c.State == ContainerState.Running ? ReplicaPhase.Running : ReplicaPhase.Starting,
            RunningSince = c.State == ContainerState.Running ? c.StartedAt ?? ctx.Now : null,
            Ports = c.PublishedPorts,
            Attempt = int.TryParse(c.Label(OrchestrationLabels.Attempt), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt) ? attempt : 0,
        };
        record.Reservation = _scheduling.ForceReserve(c.Ref.Node, new PlacementRequest(spec, id));
        record.AdoptedNode = record.Reservation is null ? c.Ref.Node : null;
        ctx.Book.Replicas.Add(id, record);
        Emit(new ReplicaAdopted { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = id, Node = c.Ref.Node });
    }

    /// <summary>Brings each replica's phase in line with its container and its node.</summary>
    private async Task SyncReplicasAsync(ReconcileContext ctx, WorkloadSpec spec, IReadOnlyList<ContainerInfo> containers, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<string, ContainerInfo>(containers.Count, StringComparer.Ordinal);
        foreach (var c in containers)
        {
            byId[c.Ref.Id] = c;
        }

        foreach (var record in ctx.Book.Replicas.Values.ToList())
        {
            if (!record.IsLive || record.IsLeaving || record.Node is not { } node)
            {
                continue;
            }

            var health = CheckNode(ctx, node);
            record.Unreachable = health == NodeHealth.Waiting;
            if (health == NodeHealth.Waiting)
            {
                continue;
            }

            if (health == NodeHealth.Lost)
            {
                GiveUpOnLostNode(ctx, spec, record, node);
                continue;
            }

            if (record.Container is not { } container)
            {
                continue;
            }

            if (!byId.TryGetValue(container.Id, out var c))
            {
                OnExit(ctx, spec, record, null, "its container disappeared");
                continue;
            }

            switch (c.State)
            {
                case ContainerState.Created:
                    record.Phase = ReplicaPhase.Starting;
                    break;
                case ContainerState.Running when record.Phase != ReplicaPhase.Running:
                    MarkRunning(ctx, record, c);
                    break;
                case ContainerState.Running:
                    // A later list can know ports the first report of the container lacked.
                    record.Ports = c.PublishedPorts;
                    break;
                case ContainerState.Exited or ContainerState.Dead:
                    var reason = c.OomKilled ? "killed for exceeding its memory limit" : $"exited with code {c.ExitCode}";
                    reason += await LastLogLinesAsync(c.Ref, ExitLogBudget(ctx, spec, record, c.ExitCode), cancellationToken).ConfigureAwait(false);
                    OnExit(ctx, spec, record, c.ExitCode, reason);
                    continue;
            }

            await CheckHealthAsync(ctx, spec, record, cancellationToken).ConfigureAwait(false);
        }
    }

    private void MarkRunning(ReconcileContext ctx, ReplicaRecord record, ContainerInfo c)
    {
        record.Phase = ReplicaPhase.Running;
        record.RunningSince = c.StartedAt ?? ctx.Now;
        record.Ports = c.PublishedPorts;
        record.Reason = null;
        record.BackoffUntil = null;
        Emit(new ReplicaStarted
        {
            Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Node = c.Ref.Node, ContainerId = c.Ref.Id, Restarts = record.Restarts,
        });
    }

    /// <summary>The replica's node is lost: release it, remember its id so its container is removed if the node
    /// comes back, and (except for daemon sets, which follow nodes) put a new replica in its place.</summary>
    private void GiveUpOnLostNode(ReconcileContext ctx, WorkloadSpec spec, ReplicaRecord record, string node)
    {
        Release(ctx, record);
        ctx.Book.Replicas.Remove(record.Id);
        ctx.Book.Abandoned.Add(record.Id);
        if (record.Container is { } container)
        {
            _observed.Removed(container);
        }

        if (spec.Kind == WorkloadKind.DaemonSet)
        {
            Emit(new ReplicaRemoved { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Reason = $"node '{node}' was lost" });
            return;
        }

        var replacement = NewReplica(ctx, spec);
        Emit(new ReplicaRescheduled { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, FromNode = node, ReplacementId = replacement.Id });
    }
}
