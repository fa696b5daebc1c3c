using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>A lost node answers again with containers of replicas that were given up on it: an engine restarted with
/// live-restore keeps them running. A container that still matches the desired revision is taken back in place of a
/// replacement that has not started yet (for a daemon set: its node's replacement), instead of being removed while
/// the replacement starts, so the workload never runs more containers than its replica count. When the replacement
/// already runs elsewhere, or the node meanwhile holds another replica of a workload with anti-affinity to itself, the
/// returning container is a leftover and removed as before.</summary>
internal static class ReturningReplicas
{
    /// <summary>Whether the given-up replica <paramref name="id"/> takes <paramref name="container"/> back. When it does,
    /// the replacement it stands in for is dropped and the id is no longer given up; the caller adopts the container.</summary>
    public static bool TryTakeBack(ReconcileContext ctx, WorkloadSpec spec, ContainerInfo container, string id, bool nodeReady)
    {
        if (!nodeReady
            || !ctx.Book.Abandoned.Contains(id)
            || container.State != ContainerState.Running
            || spec.Kind is not (WorkloadKind.Service or WorkloadKind.DaemonSet)
            || !string.Equals(container.Label(OrchestrationLabels.Revision), spec.Revision, StringComparison.Ordinal))
        {
            return false;
        }

        if (spec.Kind == WorkloadKind.DaemonSet)
        {
            // The node's replacement, created when the node answered again, stands aside if it has not started yet.
            var onNode = ctx.Book.Replicas.Values.Where(r => r.PinnedNode == container.Ref.Node).ToList();
            if (onNode.Any(r => r.Container is not null || r.IsLeaving || r.Phase is not (ReplicaPhase.Pending or ReplicaPhase.BackOff)))
            {
                return false;
            }

            foreach (var replacement in onNode)
            {
                ctx.Release(replacement);
                ctx.Book.Replicas.Remove(replacement.Id);
            }
        }
        else
        {
            // The node may have taken another replica of a workload that keeps one per node meanwhile.
            var node = container.Ref.Node;
            if (spec.Placement.RequiredAntiAffinity.Contains(spec.Name)
                && ctx.Book.Replicas.Values.Any(r => (r.Container?.Node ?? r.Reservation?.Node ?? r.AdoptedNode) == node))
            {
                return false;
            }

            var replacement = ctx.Book.Replicas.Values.FirstOrDefault(r =>
                r.Container is null && r.Phase is ReplicaPhase.Pending or ReplicaPhase.BackOff && !r.IsLeaving
                && string.Equals(r.Revision, spec.Revision, StringComparison.Ordinal));
            if (replacement is null)
            {
                return false;
            }

            ctx.Release(replacement);
            ctx.Book.Replicas.Remove(replacement.Id);
        }

        ctx.Book.Abandoned.Remove(id);
        return true;
    }
}
