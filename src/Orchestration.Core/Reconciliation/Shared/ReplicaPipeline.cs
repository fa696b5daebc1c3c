namespace Orchestration.Reconciliation;

/// <summary>The steps every workload controller runs around its own: before it, the replicas are synced with their
/// containers and finished retirements stopped, and the dependency gate decides whether the workload may act; after
/// it, pending replicas are placed and started, probers follow the running ones, and the status is published.</summary>
internal sealed class ReplicaPipeline
{
    private readonly ReplicaSync _sync;
    private readonly ReplicaRemoval _removal;
    private readonly DependencyGate _dependencies;
    private readonly ReplicaLauncher _launcher;
    private readonly ReplicaHealthTracker _health;
    private readonly WorkloadStatusPublisher _status;

    public ReplicaPipeline(ReplicaSync sync, ReplicaRemoval removal, DependencyGate dependencies, ReplicaLauncher launcher, ReplicaHealthTracker health, WorkloadStatusPublisher status)
    {
        _sync = sync;
        _removal = removal;
        _dependencies = dependencies;
        _launcher = launcher;
        _health = health;
        _status = status;
    }

    /// <summary>Syncs the replicas; false while the workload waits for its dependencies.</summary>
    public async Task<bool> BeginAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        await _sync.SyncAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        await _removal.FinishRetirementsAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        return _dependencies.IsOpen(ctx, spec);
    }

    /// <summary>Places and starts what is due (only replicas <paramref name="eligible"/> accepts, when given), follows
    /// health and publishes the status.</summary>
    public async Task EndAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken, Func<ReplicaRecord, bool>? eligible = null, CronJobStatus? cron = null)
    {
        _launcher.Place(ctx, spec, eligible);
        await _launcher.StartDueAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        await _removal.FinishRetirementsAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        _health.Watch(ctx, spec);
        _status.Publish(ctx, spec, cron);
    }
}
