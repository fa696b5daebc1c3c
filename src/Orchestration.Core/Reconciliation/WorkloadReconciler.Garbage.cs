using System.Collections.Concurrent;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Removing containers that no replica needs any more (the ended container of a replica that restarts) off
/// the reconcile's critical path. Nothing waits for it: the replacement has a name of its own. A removal that fails
/// leaves the container observed, and the next reconcile of its workload finds it again as garbage and retries.</summary>
internal sealed partial class WorkloadReconciler
{
    private static readonly TimeSpan GarbageRemovalTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Container ids whose removal is under way, so a reconcile does not start a second one.</summary>
    private readonly ConcurrentDictionary<string, byte> _removing = new(StringComparer.Ordinal);

    private void RemoveInBackground(ContainerRef container)
    {
        if (_observed.Node(container.Node) is { } node && node.Info.State != NodeState.Ready)
        {
            // It would only fail; it stays observed, and the reconcile that follows the node's return removes it.
            return;
        }

        if (_removing.TryAdd(container.Id, 0))
        {
            _ = RemoveGarbageAsync(container);
        }
    }

    private async Task RemoveGarbageAsync(ContainerRef container)
    {
        try
        {
            if (RuntimeOf(container.Node) is not { } runtime)
            {
                _observed.Removed(container);
                return;
            }

            using var deadline = new CancellationTokenSource(GarbageRemovalTimeout);
            await runtime.RemoveAsync(container, deadline.Token).ConfigureAwait(false);
            _observed.Removed(container);
        }
        catch (Exception)
        {
            // Still observed: the next reconcile of its workload (an event, the periodic resync) tries again.
        }
        finally
        {
            _removing.TryRemove(container.Id, out _);
        }
    }
}
