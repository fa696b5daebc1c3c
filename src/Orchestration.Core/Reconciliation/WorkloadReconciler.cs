using Microsoft.Extensions.Options;
using Orchestration.Health;
using Orchestration.Leadership;
using Orchestration.Observed;
using Orchestration.Scheduling;
using Orchestration.State;

namespace Orchestration.Reconciliation;

/// <summary>The one <see cref="IReconciler"/> the work queue serves: a node key goes to the
/// <see cref="NodeLifecycleController"/>; a workload key to the controller of the desired spec's kind (or of its last
/// kind, to clean up a workload taken out of the desired state). It builds the reconcile's context — the desired spec,
/// the workload's book, and its observed containers with the controllers' expectations applied — so every controller
/// reads the same picture.</summary>
internal sealed class WorkloadReconciler : IReconciler
{
    private readonly DesiredStateStore _desired;
    private readonly ObservedState _observed;
    private readonly Expectations _expectations;
    private readonly SchedulingCache _scheduling;
    private readonly ReplicaBook _books;
    private readonly StatusBoard _status;
    private readonly HealthMonitor _health;
    private readonly NodeLifecycleController _nodes;
    private readonly TimeProvider _time;
    private readonly Dictionary<WorkloadKind, IWorkloadController> _controllers;
    private readonly ILeadership _leadership;
    private readonly FollowerView _follower;

    public WorkloadReconciler(
        DesiredStateStore desired,
        ObservedState observed,
        Expectations expectations,
        SchedulingCache scheduling,
        ReplicaBook books,
        StatusBoard status,
        HealthMonitor health,
        NodeLifecycleController nodes,
        IEnumerable<IWorkloadController> controllers,
        TimeProvider time,
        ILeadership leadership,
        FollowerView follower)
    {
        _leadership = leadership;
        _follower = follower;
        _desired = desired;
        _observed = observed;
        _expectations = expectations;
        _scheduling = scheduling;
        _books = books;
        _status = status;
        _health = health;
        _nodes = nodes;
        _time = time;
        _controllers = controllers.ToDictionary(c => c.Kind);
    }

    public async Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (!_leadership.IsLeader)
        {
            // A follower keeps its watch but leaves the engines to the leader: it serves the status it observes, and
            // is woken to reconcile when it leads.
            _follower.Publish(key);
            return ReconcileResult.Done;
        }

        if (NodeKeys.TryParse(key, out var node))
        {
            return _nodes.Reconcile(node);
        }

        var spec = _desired.Current?.Find(key);
        var book = _books.GetOrAdd(key);
        var now = _time.GetUtcNow();
        var ctx = new ReconcileContext
        {
            Workload = key,
            Spec = spec,
            Book = book,
            Now = now,
            Containers = _expectations.Reconcile(key, _observed.ContainersOf(key), now),
            Scheduling = _scheduling,
        };
        if (spec is null)
        {
            var last = book.LastSpec;
            await ControllerOf(last?.Kind ?? WorkloadKind.Service).DeleteAsync(ctx, last, cancellationToken).ConfigureAwait(false);
            _books.Remove(key);
            _status.Remove(key);
            _health.Retain(key, new HashSet<string>());
            return ctx.Result;
        }

        if (book.LastSpec is { } previous && previous.Kind != spec.Kind)
        {
            // A workload that changed kind: the old kind's controller removes what it ran, the new one starts over.
            await ControllerOf(previous.Kind).DeleteAsync(ctx, previous, cancellationToken).ConfigureAwait(false);
            _books.Remove(key);
            book = _books.GetOrAdd(key);
            ctx = new ReconcileContext { Workload = key, Spec = spec, Book = book, Now = now, Containers = _expectations.Reconcile(key, _observed.ContainersOf(key), now), Scheduling = _scheduling };
        }

        book.LastSpec = spec;
        await ControllerOf(spec.Kind).ReconcileAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        return ctx.Result;
    }

    private IWorkloadController ControllerOf(WorkloadKind kind)
        => _controllers.TryGetValue(kind, out var controller) ? controller : throw new InvalidOperationException($"No controller is registered for {kind} workloads.");
}
