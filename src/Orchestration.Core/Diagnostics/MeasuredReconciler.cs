using Orchestration.Reconciliation;

namespace Orchestration.Diagnostics;

/// <summary>Times each reconcile with the orchestrator's <see cref="TimeProvider"/> and records it in
/// <c>orchestration.reconcile.duration</c> with the workload and whether it succeeded, and traces it as a
/// <see cref="ReconcileTracing.SpanName"/> span when a listener wants it. A reconcile cut short because the loop stops
/// is not recorded; its span ends with the outcome <c>cancelled</c>.</summary>
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
        var span = ReconcileTracing.Start(_metrics.FleetName, key);
        var outcome = MetricTags.Cancelled;
        Exception? error = null;
        try
        {
            var result = await _inner.ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
            outcome = MetricTags.Success;
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            outcome = MetricTags.Failure;
            error = ex;
            throw;
        }
        finally
        {
            if (outcome != MetricTags.Cancelled)
            {
                _metrics.RecordReconcile(key, _time.GetElapsedTime(started), error);
            }

            if (span is not null)
            {
                ReconcileTracing.Stop(span, outcome, error);
            }
        }
    }
}
