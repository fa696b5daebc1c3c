using Microsoft.Extensions.Logging;
using Orchestration.Events;
using Orchestration.Services;
using Orchestration.State;

namespace Orchestration.Autoscaling;

/// <summary>The autoscaler of one service: every sync period (and at once when a connection waits for a service at
/// zero) it reads the metrics, lets the <see cref="ScaleDecider"/> decide, sets the replica count, and reports the
/// decision as an event, a measurement and a status row.</summary>
internal sealed partial class ServiceAutoscaler : IAsyncDisposable
{
    private readonly string _workload;
    private readonly DesiredStateStore _store;
    private readonly Orchestrator _orchestrator;
    private readonly EventHub _events;
    private readonly AutoscalerStatusBoard _board;
    private readonly AutoscalerMetrics _metrics;
    private readonly MetricCollector _collector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ScaleDecider _decider = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _connectionWaiting;
    private (int Desired, int Recommendation, string? LimitedBy)? _lastPublished;
    private DateTimeOffset? _lastScaled;
    private Task _loop = Task.CompletedTask;

    public ServiceAutoscaler(string workload, DesiredStateStore store, Orchestrator orchestrator, EventHub events, AutoscalerStatusBoard board, AutoscalerMetrics metrics, MetricCollector collector, TimeProvider time, ILogger logger)
    {
        _workload = workload;
        _store = store;
        _orchestrator = orchestrator;
        _events = events;
        _board = board;
        _metrics = metrics;
        _collector = collector;
        _time = time;
        _logger = logger;
    }

    public void Start() => _loop = RunAsync(_stop.Token);

    /// <summary>A connection waits at a service address of this workload: decide now.</summary>
    public void ConnectionHeld()
    {
        _connectionWaiting = true;
        _collector.Load?.Touch(_time.GetUtcNow());
        Volatile.Read(ref _wake).TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _collector.Dispose();
        _board.Remove(_workload);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            try
            {
                await SyncAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSyncFailed(_logger, e, _workload);
            }

            var period = _store.Current?.Find(_workload)?.Autoscaling?.SyncPeriod ?? AutoscalingDefaults.SyncPeriod;
            try
            {
                await Task.WhenAny(wake, Task.Delay(period, _time, cancellationToken)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (wake.IsCompleted)
            {
                Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }
        }
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        if (_store.Current?.Find(_workload) is not { Autoscaling: { } autoscaling } spec)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var waiting = _connectionWaiting;
        _connectionWaiting = false;
        _collector.FollowContainers(autoscaling);
        var observations = spec.Replicas == 0 && waiting
            ? []
            : await _collector.ReadAsync(spec, autoscaling, now, cancellationToken).ConfigureAwait(false);
        var idleFor = _collector.Load is { } load ? now - load.LastActivity : (TimeSpan?)null;
        var decision = _decider.Decide(now, autoscaling, spec.Replicas, observations, idleFor, waiting);
        if (decision.Desired != decision.Current)
        {
            if (!await _orchestrator.AutoscaleAsync(_workload, decision.Current, decision.Desired, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            _lastScaled = now;
            if (decision.Current == 0)
            {
                _collector.Load?.Touch(now);
            }
        }

        Report(now, autoscaling, decision);
    }

    private void Report(DateTimeOffset now, AutoscalingSpec autoscaling, AutoscalerDecision decision)
    {
        _metrics.Record(_workload, decision);
        _board.Set(new AutoscalerStatus
        {
            Workload = _workload,
            MinReplicas = autoscaling.MinReplicas,
            MaxReplicas = autoscaling.MaxReplicas,
            Current = decision.Current,
            Desired = decision.Desired,
            Recommendation = decision.Recommendation,
            Metrics = decision.Metrics,
            LimitedBy = decision.LimitedBy,
            Reason = decision.Reason,
            LastDecision = now,
            LastScaled = _lastScaled,
        });
        var key = (decision.Desired, decision.Recommendation, decision.LimitedBy);
        if (decision.Desired == decision.Current && _lastPublished == key)
        {
            return;
        }

        _lastPublished = key;
        _events.Publish(new AutoscalerDecided
        {
            Time = now,
            Fleet = _orchestrator.FleetName,
            Workload = _workload,
            From = decision.Current,
            To = decision.Desired,
            Recommendation = decision.Recommendation,
            Metrics = decision.Metrics,
            LimitedBy = decision.LimitedBy,
            Reason = decision.LimitedBy is null ? decision.Reason : $"{decision.Reason}; held back by the {decision.LimitedBy}",
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Autoscaler of {Workload}: a decision failed")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception, string workload);
}
