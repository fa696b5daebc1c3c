using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Events;

namespace Orchestration.Runtime.Swarm.Observed;

/// <summary>Keeps the fleet's latest <see cref="SwarmSnapshot"/>: reads services, tasks and nodes from the manager
/// whenever its event stream reports a service or node change, and every <see cref="SwarmRuntimeOptions.StatusInterval"/>
/// in between (Swarm 20.10 sends no task events). Each new snapshot is turned into events and wakes the waiters.</summary>
internal sealed partial class SwarmObserver : IAsyncDisposable
{
    private readonly SwarmManager _manager;
    private readonly SwarmRuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly SwarmEventDiff _diff;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SwarmSnapshot _current = SwarmSnapshot.Empty;
    private Task? _loops;
    private string _fleet = "";
    private int _disposed;

    public SwarmObserver(SwarmManager manager, IOptions<SwarmRuntimeOptions> options, TimeProvider time, SwarmEventDiff diff, ILogger<SwarmObserver> logger)
    {
        _manager = manager;
        _options = options.Value;
        _time = time;
        _diff = diff;
        _logger = logger;
    }

    /// <summary>The latest snapshot.</summary>
    public SwarmSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Completes at the next snapshot.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>Reads a first snapshot, then keeps reading in the background.</summary>
    public async Task StartAsync(string fleet, CancellationToken cancellationToken)
    {
        _fleet = fleet;
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        _loops ??= Task.WhenAll(Task.Run(() => PollAsync(_stop.Token)), Task.Run(() => WatchAsync(_stop.Token)));
    }

    /// <summary>Asks for a snapshot soon, such as after a change the SDK made itself.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // already woken
            }
        }
    }

    /// <summary>Reads a snapshot now.</summary>
    public async Task<SwarmSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var previous = Current;
            Volatile.Write(ref _current, snapshot);
            _diff.Publish(_fleet, previous, snapshot);
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return snapshot;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task<SwarmSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var byFleet = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{OrchestrationLabels.Fleet}={_fleet}"] = true },
        };
        var services = await _manager.CallAsync((c, ct) => c.Swarm.ListServicesAsync(new ServiceListParameters { Filters = byFleet, Status = true }, ct), cancellationToken).ConfigureAwait(false);
        var nodes = await _manager.CallAsync((c, ct) => c.Swarm.ListNodesAsync(ct), cancellationToken).ConfigureAwait(false);
        IList<TaskResponse> tasks = [];
        var ids = services.Select(s => s.ID).ToList();
        if (ids.Count > 0)
        {
            var byService = new Dictionary<string, IDictionary<string, bool>>
            {
                ["service"] = ids.ToDictionary(id => id, _ => true),
            };
            tasks = await _manager.CallAsync((c, ct) => c.Tasks.ListAsync(new TasksListParameters { Filters = byService }, ct), cancellationToken).ConfigureAwait(false);
        }

        return new SwarmSnapshot([.. services], [.. tasks], [.. nodes], _time.GetUtcNow());
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await WaitForWakeAsync(cancellationToken).ConfigureAwait(false);
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogReadFailed(_logger, _manager.Endpoint, e.Message);
                await Task.Delay(_options.StatusInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForWakeAsync(CancellationToken cancellationToken)
    {
        using var interval = new CancellationTokenSource(_options.StatusInterval, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interval.Token);
        try
        {
            await _wake.WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the interval passed
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["type"] = new Dictionary<string, bool> { ["service"] = true, ["node"] = true },
        };
        var wake = new SynchronousProgress(Wake);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var client = await _manager.GetClientAsync(cancellationToken).ConfigureAwait(false);
                await client.System.MonitorEventsAsync(new ContainerEventsParameters { Filters = filters }, wake, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogStreamEnded(_logger, _manager.Endpoint, e.Message);
            }

            // The stream ends silently when the engine restarts: read again, and reconnect after a pause.
            Wake();
            try
            {
                await Task.Delay(_options.StatusInterval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loops is { } loops)
        {
            try
            {
                await loops.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
        }

        _stop.Dispose();
    }

    private sealed class SynchronousProgress(Action wake) : IProgress<Message>
    {
        public void Report(Message value) => wake();
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Reading the swarm at {Endpoint} failed: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, Uri endpoint, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "The event stream of {Endpoint} ended: {Reason}")]
    private static partial void LogStreamEnded(ILogger logger, Uri endpoint, string reason);
}
