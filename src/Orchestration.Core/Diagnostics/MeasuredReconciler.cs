using Orchestration.Reconciliation;

namespace Orchestration.Diagnostics;

/// <summary>Times each reconcile with the orchestrator's <see cref="TimeProvider"/> and records it in
/// <c>orchestration.reconcile.duration</c> with the workload and whether it succeeded. A reconcile cut short because
/// the loop stops is not recorded.</summary>
internal sealed class MeasuredReconciler : IReconciler
{
    private readonly IReconciler _inner;
    private readonly FleetMetrics _metrics;
    private readonly TimeProvider _time;

    public MeasuredReconciler(IReconciler inner, FleetMetrics metrics, TimeProvider time)
    {
        _inner = inner;
        _metrics = metrics;
        _time = time;
    }

    public async Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            var result = await _inner.ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
            _metrics.RecordReconcile(key, _time.GetElapsedTime(started), error: null);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _metrics.RecordReconcile(key, _time.GetElapsedTime(started), ex);
            throw;
        }
    }
}
