using System.Collections.Concurrent;
using Orchestration.Scheduling;

namespace Orchestration.Reconciliation;

/// <summary>Moving service replicas off draining nodes (see <see cref="IOrchestrator.DrainAsync"/>), surge style: a
/// replica on a draining node gets a replacement (placed elsewhere, the node being cordoned) and is retired only once
/// the replacement is ready, at most the node's budget of moves per workload at a time. Replicas there that are not
/// ready are retired at once: they serve nothing, and scaling puts new ones elsewhere. Level-triggered: the moves in
/// flight are re-derived from the book each reconcile, and a move whose replica or replacement went away is dropped.</summary>
internal sealed class DrainMoves
{
    private readonly SchedulingCache _scheduling;
    private readonly ReplicaRemoval _removal;

    /// <summary>Per workload: replica moving off a draining node → its replacement.</summary>
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _moves = new(StringComparer.Ordinal);

    public DrainMoves(SchedulingCache scheduling, ReplicaRemoval removal)
    {
        _scheduling = scheduling;
        _removal = removal;
    }

    public async Task MoveAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var budgets = _scheduling.DrainBudgets();
        if (budgets.Count == 0 && !_moves.ContainsKey(ctx.Workload))
        {
            return;
        }

        var moves = _moves.GetOrAdd(ctx.Workload, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        var done = new List<ReplicaRecord>();
        foreach (var (oldId, newId) in moves.ToList())
        {
            var old = Staying(ctx, oldId);
            var replacement = Staying(ctx, newId);
            if (old is null || replacement is null || old.Node is not { } node || !budgets.ContainsKey(node))
            {
                moves.Remove(oldId);
            }
            else if (replacement.IsReady)
            {
                moves.Remove(oldId);
                done.Add(old);
            }
        }

        await _removal.RetireAsync(ctx, spec, done, "its node is drained", cancellationToken).ConfigureAwait(false);
        if (budgets.Count == 0 || ctx.Book.Replicas.Values.Any(r => r.IsLive && r.Revision != spec.Revision))
        {
            // No drain, or a rollout under way (it replaces replicas itself, and places none on a cordoned node).
            if (moves.Count == 0)
            {
                _moves.TryRemove(ctx.Workload, out _);
            }

            return;
        }

        var notReady = new List<ReplicaRecord>();
        foreach (var (node, budget) in budgets)
        {
            var onNode = ctx.Book.Replicas.Values.Where(r => r.IsLive && !r.IsLeaving && r.Node == node && !moves.ContainsKey(r.Id)).ToList();
            notReady.AddRange(onNode.Where(r => !r.IsReady));
            var inFlight = moves.Keys.Count(id => ctx.Book.Replicas.TryGetValue(id, out var r) && r.Node == node);
            foreach (var old in onNode.Where(r => r.IsReady).OrderBy(r => r.Id, StringComparer.Ordinal).Take(Math.Max(0, budget - inFlight)))
            {
                moves[old.Id] = ctx.NewReplica(spec).Id;
            }
        }

        await _removal.RetireAsync(ctx, spec, notReady, "its node is drained", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="record"/> is on its way off a draining node: its replacement already counts in
    /// its place.</summary>
    public bool IsMovingOff(ReconcileContext ctx, ReplicaRecord record)
        => _moves.TryGetValue(ctx.Workload, out var moves) && moves.ContainsKey(record.Id);

    public void Forget(string workload) => _moves.TryRemove(workload, out _);

    private static ReplicaRecord? Staying(ReconcileContext ctx, string id)
        => ctx.Book.Replicas.TryGetValue(id, out var r) && r.IsLive && !r.IsLeaving ? r : null;
}
