using Microsoft.Extensions.Options;
using Orchestration.Events;

namespace Orchestration.Reconciliation;

/// <summary>The per-replica volumes of stateful sets: which node holds an ordinal's volumes (learned when its replica is
/// placed or adopted, after which the replica is pinned there), and their removal under a Delete retention policy.</summary>
internal sealed class StatefulVolumes
{
    private readonly ContainerControl _containers;
    private readonly EventHub _events;
    private readonly string _fleet;

    public StatefulVolumes(ContainerControl containers, EventHub events, IOptions<OrchestrationOptions> options)
    {
        _containers = containers;
        _events = events;
        _fleet = options.Value.FleetName;
    }

    /// <summary>Records the node of every placed ordinal that has volumes, and pins its replica there.</summary>
    public void Learn(ReconcileContext ctx)
    {
        if (ctx.Spec is not { } spec || spec.StatefulSet.VolumeTemplates.Length == 0)
        {
            return;
        }

        foreach (var record in ctx.Book.Replicas.Values)
        {
            if (record.Ordinal is { } ordinal && record.Node is { } node && !ctx.Book.VolumeNodes.ContainsKey(ordinal))
            {
                ctx.Book.VolumeNodes[ordinal] = node;
                record.PinnedNode ??= node;
            }
        }
    }

    /// <summary>Removes the volumes of <paramref name="ordinal"/> from <paramref name="node"/>.</summary>
    public async Task DeleteAsync(ReconcileContext ctx, WorkloadSpec spec, int ordinal, string? node, CancellationToken cancellationToken)
    {
        ctx.Book.VolumeNodes.Remove(ordinal);
        if (node is null || _containers.RuntimeOf(node) is not { } runtime)
        {
            return;
        }

        foreach (var template in spec.StatefulSet.VolumeTemplates)
        {
            var name = StatefulIdentity.VolumeName(_fleet, spec.Name, template.Name, ordinal);
            await runtime.RemoveVolumeAsync(node, name, cancellationToken).ConfigureAwait(false);
            _events.Publish(new VolumeRemoved { Time = ctx.Now, Fleet = _fleet, Workload = spec.Name, Volume = name, Node = node });
        }
    }
}
