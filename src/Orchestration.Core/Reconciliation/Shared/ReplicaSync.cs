using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.Scheduling;

namespace Orchestration.Reconciliation;

/// <summary>Matches the workload's containers (as the controller sees them) with its replicas: adopts what no replica
/// knows, removes leftovers, and brings each replica's phase in line with its container and its node — exits, lost
/// nodes and health included.</summary>
internal sealed class ReplicaSync
{
    private readonly ContainerControl _containers;
    private readonly ReplicaRemoval _removal;
    private readonly ReplicaExits _exits;
    private readonly ReplicaHealthTracker _health;
    private readonly NodeConditions _nodes;
    private readonly EventHub _events;
    private readonly string _fleet;

    public ReplicaSync(ContainerControl containers, ReplicaRemoval removal, ReplicaExits exits, ReplicaHealthTracker health, NodeConditions nodes, EventHub events, IOptions<OrchestrationOptions> options)
    {
        _containers = containers;
        _removal = removal;
        _exits = exits;
        _health = health;
        _nodes = nodes;
        _events = events;
        _fleet = options.Value.FleetName;
    }

    public async Task SyncAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        await SyncContainersAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        await SyncReplicasAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adopts running containers that no replica knows (after a restart of the orchestrator): of the desired
    /// revision, and for long-running kinds of any revision, which the rolling update then replaces within its budget,
    /// as if the change had been applied to a running orchestrator. Removes leftovers: old containers of a replica,
    /// replicas given up, other revisions of jobs.</summary>
    private async Task SyncContainersAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        foreach (var c in ctx.Containers)
        {
            var id = c.Label(OrchestrationLabels.Replica);
            if (id is not null && ctx.Book.Replicas.TryGetValue(id, out var known))
            {
                if (known.Container?.Id != c.Ref.Id)
                {
                    // Not the replica's current container (an earlier attempt): garbage, removed off the critical
                    // path; a failed removal is tried again by a later reconcile, since it is still observed then.
                    _containers.RemoveInBackground(ctx.Workload, c.Ref);
                }

                continue;
            }

            if (id is not null && ReturningReplicas.TryTakeBack(ctx, spec, c, id, _nodes.AnswersForRemoval(c.Ref.Node)))
            {
                Adopt(ctx, spec, c, id);
                continue;
            }

            var reason = LeftoverReason(ctx, spec, c, id);
            if (reason is null)
            {
                Adopt(ctx, spec, c, id!);
            }
            else if (_nodes.AnswersForRemoval(c.Ref.Node))
            {
                await _removal.RemoveLeftoverAsync(ctx, c, reason, cancellationToken).ConfigureAwait(false);
                ctx.Book.Abandoned.Remove(id ?? string.Empty);
            }
        }
    }

    private static string? LeftoverReason(ReconcileContext ctx, WorkloadSpec spec, ContainerInfo c, string? id)
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

        if (spec.Kind == WorkloadKind.CronJob && (ctx.Book.RunId is null || c.Label(OrchestrationLabels.Run) != ctx.Book.RunId))
        {
            // A cron job's runs are its own: a container is adopted only by the run it carries the label of.
            return "it belongs to no run of the cron job";
        }

        var revision = c.Label(OrchestrationLabels.Revision);
        if (!string.Equals(revision, spec.Revision, StringComparison.Ordinal) && (spec.Kind == WorkloadKind.Job || revision is null))
        {
            return $"revision {revision} is not the desired {spec.Revision}";
        }

        if (c.State is not (ContainerState.Running or ContainerState.Created))
        {
            return "its container is not running";
        }

        if (spec.Kind == WorkloadKind.DaemonSet && ctx.Book.Replicas.Values.Any(r => r.PinnedNode == c.Ref.Node))
        {
            return "the node already has a replica of this daemon set";
        }

        if (spec.Kind == WorkloadKind.StatefulSet && !StatefulIdentity.TryParseOrdinal(id, out _))
        {
            return "its replica id is not an ordinal";
        }

        return null;
    }

    private void Adopt(ReconcileContext ctx, WorkloadSpec spec, ContainerInfo c, string id)
    {
        var stateful = spec.Kind == WorkloadKind.StatefulSet && StatefulIdentity.TryParseOrdinal(id, out _);
        var record = new ReplicaRecord
        {
            Id = id,
            Revision = c.Label(OrchestrationLabels.Revision) ?? spec.Revision,
            CreatedAt = c.StartedAt ?? ctx.Now,
            PinnedNode = spec.Kind == WorkloadKind.DaemonSet || stateful ? c.Ref.Node : null,
            Ordinal = stateful && StatefulIdentity.TryParseOrdinal(id, out var ordinal) ? ordinal : null,
            RunId = ctx.Book.RunId,
            Container = c.Ref,
            Phase = c.State == ContainerState.Running ? ReplicaPhase.Running : ReplicaPhase.Starting,
            RunningSince = c.State == ContainerState.Running ? c.StartedAt ?? ctx.Now : null,
            Ports = c.PublishedPorts,
            Attempt = int.TryParse(c.Label(OrchestrationLabels.Attempt), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt) ? attempt : 0,
        };
        record.Reservation = ctx.Scheduling.ForceReserve(c.Ref.Node, new PlacementRequest(spec, id));
        record.AdoptedNode = record.Reservation is null ? c.Ref.Node : null;
        ctx.Book.Replicas.Add(id, record);
        _events.Publish(new ReplicaAdopted { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = id, Node = c.Ref.Node });
    }

    /// <summary>Brings each replica's phase in line with its container and its node.</summary>
    private async Task SyncReplicasAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<string, ContainerInfo>(ctx.Containers.Count, StringComparer.Ordinal);
        foreach (var c in ctx.Containers)
        {
            byId[c.Ref.Id] = c;
        }

        foreach (var record in ctx.Book.Replicas.Values.ToList())
        {
            if (!record.IsLive || record.IsLeaving || record.Node is not { } node)
            {
                continue;
            }

            var (health, _) = _nodes.Check(node, ctx.Now);
            record.Unreachable = health == NodeHealth.Waiting || (health == NodeHealth.Lost && spec.Kind == WorkloadKind.StatefulSet);
            if (record.Unreachable)
            {
                // A stateful replica is never replaced elsewhere: its volumes are on that node. It waits for it.
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
                _exits.OnExit(ctx, spec, record, null, "its container disappeared");
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
                case ContainerState.Running when c.PublishedPorts.Count >= record.Ports.Count:
                    // A later list can know ports the first report of the container lacked.
                    record.Ports = c.PublishedPorts;
                    break;
                case ContainerState.Exited or ContainerState.Dead:
                    var reason = c.OomKilled ? "killed for exceeding its memory limit" : $"exited with code {c.ExitCode}";
                    reason += await _health.LastLogLinesAsync(c.Ref, ReplicaExits.LogBudget(ctx, spec, record, c.ExitCode), cancellationToken).ConfigureAwait(false);
                    reason += c.ExitCode == 0 ? string.Empty : PermissionHints.For(spec, reason);
                    _exits.OnExit(ctx, spec, record, c.ExitCode, reason);
                    continue;
            }

            await _health.CheckAsync(ctx, spec, record, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Marks the replica Running from its container's report.</summary>
    public void MarkRunning(ReconcileContext ctx, ReplicaRecord record, ContainerInfo c)
    {
        record.Phase = ReplicaPhase.Running;
        record.RunningSince = c.StartedAt ?? ctx.Now;
        record.Ports = c.PublishedPorts;
        record.Reason = null;
        record.BackoffUntil = null;
        _events.Publish(new ReplicaStarted
        {
            Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Node = c.Ref.Node, ContainerId = c.Ref.Id, Restarts = record.Restarts,
        });
    }

    /// <summary>The replica's node is lost: release it, remember its id so its container is removed if the node
    /// comes back, and (except for daemon sets, which follow nodes) put a new replica in its place.</summary>
    private void GiveUpOnLostNode(ReconcileContext ctx, WorkloadSpec spec, ReplicaRecord record, string node)
    {
        ctx.Release(record);
        ctx.Book.Replicas.Remove(record.Id);
        ctx.Book.Abandoned.Add(record.Id);
        if (spec.Kind == WorkloadKind.DaemonSet)
        {
            _events.Publish(new ReplicaRemoved { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Reason = $"node '{node}' was lost" });
            return;
        }

        var replacement = ctx.NewReplica(spec);
        _events.Publish(new ReplicaRescheduled { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, FromNode = node, ReplacementId = replacement.Id });
    }
}
