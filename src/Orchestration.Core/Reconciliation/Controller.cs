using Microsoft.Extensions.Logging;

namespace Orchestration.Reconciliation;

/// <summary>The controller loop: N workers take keys from the queue and reconcile them. Success forgets the key's
/// backoff and honours "requeue after"; an exception requeues the key with per-key exponential backoff. The requeue
/// policy lives here only, never in reconcilers.</summary>
internal sealed partial class Controller
{
    private readonly WorkQueue _queue;
    private readonly IReconciler _reconciler;
    private readonly Action _onCapacityFreed;
    private readonly ILogger _logger;

    public Controller(WorkQueue queue, IReconciler reconciler, Action onCapacityFreed, ILogger logger)
    {
        _queue = queue;
        _reconciler = reconciler;
        _onCapacityFreed = onCapacityFreed;
        _logger = logger;
    }

    public Task[] Start(int workers, CancellationToken cancellationToken)
        => [.. Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None))];

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            string? key;
            try
            {
                key = await _queue.TakeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (key is null)
            {
                return;
            }

            try
            {
                var result = await _reconciler.ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
                _queue.Forget(key);
                if (result.RequeueAfter is { } after)
                {
                    _queue.AddAfter(key, after);
                }

                if (result.FreedCapacity)
                {
                    _onCapacityFreed();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping.
            }
            catch (Exception ex)
            {
                var delay = _queue.AddRateLimited(key);
                LogReconcileFailed(_logger, key, delay.TotalMilliseconds, ex);
            }
            finally
            {
                _queue.Done(key);
            }
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Reconciling workload '{Workload}' failed; retrying in {DelayMs} ms")]
    private static partial void LogReconcileFailed(ILogger logger, string workload, double delayMs, Exception exception);
}
