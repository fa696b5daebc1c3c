using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Health;
using Orchestration.Observed;
using Orchestration.Rollout;
using Orchestration.Runtime;
using Orchestration.Scheduling;
using Orchestration.State;

namespace Orchestration.Reconciliation;

/// <summary>Reconciles one workload: reads its desired spec, the observed containers and its book; adopts or removes
/// what it finds, follows exits and lost nodes, scales (service, job, daemon set), places pending replicas and starts
/// the placed ones. Level-triggered: the same inputs give the same actions whatever woke it.</summary>
internal sealed partial class WorkloadReconciler : IReconciler
{
    private readonly DesiredStateStore _desired;
    private readonly ObservedState _observed;
    private readonly Scheduler _scheduler;
    private readonly SchedulingCache _scheduling;
    private readonly ReplicaBook _books;
    private readonly StatusBoard _status;
    private readonly EventHub _events;
    private readonly LaunchFactory _launches;
    private readonly TimeProvider _time;
    private readonly string _fleet;
    private readonly TimeSpan _nodeLostGracePeriod;
    private readonly int _maxParallelStarts;
    private readonly HealthMonitor _health;
    private readonly RolloutStore _rollouts;
    private readonly Rollbacks _rollbacks;
    private readonly WakeRequests _wake;

    public WorkloadReconciler(
        DesiredStateStore desired,
        ObservedState observed,
        Scheduler scheduler,
        SchedulingCache scheduling,
        ReplicaBook books,
        StatusBoard status,
        EventHub events,
        LaunchFactory launches,
        TimeProvider time,
        IOptions<OrchestrationOptions> options,
        HealthMonitor health,
        RolloutStore rollouts,
        Rollbacks rollbacks,
        WakeRequests wake)
    {
        _health = health;
        _rollouts = rollouts;
        _rollbacks = rollbacks;
        _wake = wake;
        _desired = desired;
        _observed = observed;
        _scheduler = scheduler;
        _scheduling = scheduling;
        _books = books;
        _status = status;
        _events = events;
        _launches = launches;
        _time = time;
        _fleet = options.Value.FleetName;
        _nodeLostGracePeriod = options.Value.NodeLostGracePeriod;
        _maxParallelStarts = options.Value.MaxParallelStarts;
    }

    public async Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var spec = _desired.Current?.Find(key);
        var ctx = new ReconcileContext { Workload = key, Spec = spec, Book = _books.GetOrAdd(key), Now = _time.GetUtcNow() };
        var containers = _observed.ContainersOf(key);
        if (spec is null)
        {
            await RemoveEverythingAsync(ctx, containers, "belongs to no desired workload", cancellationToken).ConfigureAwait(false);
            _books.Remove(key);
            _status.Remove(key);
            _health.Retain(key, new HashSet<string>());
            return ctx.Result;
        }

        await SyncContainersAsync(ctx, spec, containers, cancellationToken).ConfigureAwait(false);
        await SyncReplicasAsync(ctx, spec, containers, cancellationToken).ConfigureAwait(false);
        await FinishRetirementsAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        if (!DependenciesMet(ctx, spec))
        {
            return ctx.Result;
        }

        switch (spec.Kind)
        {
            case WorkloadKind.Job:
                await RunJobAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
                break;
            case WorkloadKind.DaemonSet:
                await FollowNodesAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await EvictFromNoExecuteNodesAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
                await MoveOffDrainingNodesAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
                await UpdateServiceAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
                break;
        }

        Place(ctx, spec);
        await StartDueAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        await FinishRetirementsAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        WatchHealth(ctx, spec);
        PublishStatus(ctx, spec);
        return ctx.Result;
    }

    private ReplicaRecord NewReplica(ReconcileContext ctx, WorkloadSpec spec, string? pinnedNode = null)
    {
        string id;
        do
        {
            id = Guid.NewGuid().ToString("n")[..10];
        }
        while (ctx.Book.Replicas.ContainsKey(id));

        var record = new ReplicaRecord { Id = id, Revision = spec.Revision, CreatedAt = ctx.Now, PinnedNode = pinnedNode };
        ctx.Book.Replicas.Add(id, record);
        return record;
    }

    private IContainerRuntime? RuntimeOf(string node) => _observed.Node(node)?.Runtime;

    private void Release(ReconcileContext ctx, ReplicaRecord record)
    {
        if (record.Reservation is { } reservation)
        {
            _scheduling.Release(reservation);
            record.Reservation = null;
            ctx.FreedCapacity = true;
        }

        record.AdoptedNode = null;
    }

    private void Emit(OrchestrationEvent e) => _events.Publish(e);
}
