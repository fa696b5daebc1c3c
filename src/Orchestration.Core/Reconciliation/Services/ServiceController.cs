using Orchestration.Rollout;

namespace Orchestration.Reconciliation;

/// <summary>Services (Kubernetes' Deployment and ReplicaSet controllers in one): keeps the desired number of replicas,
/// moves them off nodes that evict them (NoExecute taints, drains), and moves the workload to a new revision with a
/// rolling or recreate update (<see cref="ServiceRollout"/>).</summary>
internal sealed class ServiceController : IWorkloadController
{
    private readonly ReplicaPipeline _pipeline;
    private readonly ReplicaRemoval _removal;
    private readonly NoExecuteEviction _eviction;
    private readonly DrainMoves _drains;
    private readonly ServiceRollout _rollout;
    private readonly RolloutProgress _progress;
    private readonly RolloutStore _rollouts;

    public ServiceController(ReplicaPipeline pipeline, ReplicaRemoval removal, NoExecuteEviction eviction, DrainMoves drains, ServiceRollout rollout, RolloutProgress progress, RolloutStore rollouts)
    {
        _pipeline = pipeline;
        _removal = removal;
        _eviction = eviction;
        _drains = drains;
        _rollout = rollout;
        _progress = progress;
        _rollouts = rollouts;
    }

    public WorkloadKind Kind => WorkloadKind.Service;

    public async Task ReconcileAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        if (!await _pipeline.BeginAsync(ctx, spec, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await _eviction.EvictAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        await _drains.MoveAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        await UpdateAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        await _pipeline.EndAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(ReconcileContext ctx, WorkloadSpec? last, CancellationToken cancellationToken)
    {
        _drains.Forget(ctx.Workload);
        return _removal.RemoveEverythingAsync(ctx, "belongs to no desired workload", cancellationToken);
    }

    private async Task UpdateAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var history = _rollouts.Of(ctx.Workload);
        var entry = history.Record(spec);
        var lastGood = history.LastGood;
        var rollingOut = lastGood is not null && lastGood != spec.Revision;
        var hasOld = ctx.Book.Replicas.Values.Any(r => r.IsLive && r.Revision != spec.Revision);
        if (!rollingOut && !hasOld)
        {
            await _rollout.ScaleAsync(ctx, spec, r => _drains.IsMovingOff(ctx, r), cancellationToken).ConfigureAwait(false);
            if (lastGood is null && ServiceRollout.IsDone(ctx, spec))
            {
                history.MarkGood(spec.Revision);
            }

            return;
        }

        _progress.Begin(ctx, spec, history, entry, rollingOut);
        if (history.PausedReason is not null || (rollingOut && _progress.MissedDeadline(ctx, spec, history, entry)))
        {
            return;
        }

        if (spec.Update.Kind == UpdateKind.Recreate)
        {
            await _rollout.RecreateStepAsync(ctx, spec, entry, r => _drains.IsMovingOff(ctx, r), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _rollout.RollStepAsync(ctx, spec, entry, cancellationToken).ConfigureAwait(false);
        }

        if (ServiceRollout.IsDone(ctx, spec))
        {
            _progress.Complete(ctx, history, entry);
        }
    }
}
