using System.Collections.Concurrent;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>What controllers asked the runtimes to do and have not seen in the observed state yet, as Kubernetes'
/// ControllerExpectations: a container started but not yet listed or streamed, a container removed but still
/// listed. Controllers never write the observed cache (only the runtime's list and watch do); they read it through
/// <see cref="Reconcile"/>, which overlays what they expect. An expectation ends when the cache confirms it, or
/// after <see cref="Timeout"/>, when the cache's word wins (a removal that silently failed is then found again as a
/// leftover).</summary>
internal sealed class Expectations
{
    /// <summary>How long an unconfirmed expectation is trusted over the cache.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, WorkloadExpectations> _byWorkload = new(StringComparer.Ordinal);

    /// <summary>Records a container the controller of <paramref name="workload"/> just started.</summary>
    public void ExpectCreated(string workload, ContainerInfo info, DateTimeOffset now) => Of(workload).Created(info, now);

    /// <summary>Records a container the controller of <paramref name="workload"/> just removed.</summary>
    public void ExpectDeleted(string workload, ContainerRef container, DateTimeOffset now) => Of(workload).Deleted(container, now);

    /// <summary>The containers of <paramref name="workload"/> as the controller should see them: the observed ones
    /// less those it removed, plus those it started that the cache does not show yet. Confirmed and expired
    /// expectations are dropped.</summary>
    public IReadOnlyList<ContainerInfo> Reconcile(string workload, IReadOnlyList<ContainerInfo> observed, DateTimeOffset now)
        => _byWorkload.TryGetValue(workload, out var pending) ? pending.Overlay(observed, now) : observed;

    /// <summary>Forgets a workload's expectations (it is gone, or the fleet was deleted).</summary>
    public void Forget(string workload) => _byWorkload.TryRemove(workload, out _);

    public void Clear() => _byWorkload.Clear();

    private WorkloadExpectations Of(string workload) => _byWorkload.GetOrAdd(workload, static _ => new WorkloadExpectations());
}
