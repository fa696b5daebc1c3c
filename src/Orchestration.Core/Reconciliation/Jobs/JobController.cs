namespace Orchestration.Reconciliation;

/// <summary>Jobs: run replicas until the completions are reached (at most parallelism at once), or until failures
/// exceed the backoff limit (<see cref="JobRunner"/>, which cron jobs share for their runs).</summary>
internal sealed class JobController : IWorkloadController
{
    private readonly ReplicaPipeline _pipeline;
    private readonly ReplicaRemoval _removal;
    private readonly JobRunner _runner;

    public JobController(ReplicaPipeline pipeline, ReplicaRemoval removal, JobRunner runner)
    {
        _pipeline = pipeline;
        _removal = removal;
        _runner = runner;
    }

    public WorkloadKind Kind => WorkloadKind.Job;

    public async Task ReconcileAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        if (!await _pipeline.BeginAsync(ctx, spec, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var book = ctx.Book;
        if (book.JobRevision != spec.Revision)
        {
            book.JobRevision = spec.Revision;
            book.Succeeded = 0;
            book.Failed = 0;
            book.Finished = null;
            await _removal.RemoveAsync(ctx, spec, [.. book.Replicas.Values.Where(r => r.Revision != spec.Revision)], $"revision replaced by {spec.Revision}", cancellationToken).ConfigureAwait(false);
        }

        await _runner.StepAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        await _pipeline.EndAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(ReconcileContext ctx, WorkloadSpec? last, CancellationToken cancellationToken)
        => _removal.RemoveEverythingAsync(ctx, "belongs to no desired workload", cancellationToken);
}
