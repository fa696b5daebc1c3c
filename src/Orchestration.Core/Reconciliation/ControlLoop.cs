using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Diagnostics;
using Orchestration.Events;
using Orchestration.Observed;
using Orchestration.Runtime;
using Orchestration.Scheduling;
using Orchestration.State;

namespace Orchestration.Reconciliation;

/// <summary>Runs the orchestration: prepares the fleet on every runtime, fills the observed state (list, then watch),
/// starts the workers and the periodic resync, and wakes workloads when desired or observed state changes.</summary>
internal sealed partial class ControlLoop : IAsyncDisposable, IDisposable
{
    private readonly IReadOnlyList<IContainerRuntime> _runtimes;
    private readonly IReconciler _reconciler;
    private readonly DesiredStateStore _desired;
    private readonly ObservedState _observed;
    private readonly SchedulingCache _scheduling;
    private readonly StatusBoard _status;
    private readonly EventHub _events;
    private readonly TimeProvider _time;
    private readonly OrchestrationOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly WakeRequests _wake;
    private readonly Health.HealthMonitor _health;
    private Running? _running;

    public ControlLoop(
        IEnumerable<IContainerRuntime> runtimes,
        WorkloadReconciler reconciler,
        DesiredStateStore desired,
        ObservedState observed,
        SchedulingCache scheduling,
        StatusBoard status,
        EventHub events,
        TimeProvider time,
        IOptions<OrchestrationOptions> options,
        ILoggerFactory loggers,
        WakeRequests wake,
        Health.HealthMonitor health,
        FleetMetrics metrics)
    {
        _wake = wake;
        _health = health;
        _runtimes = [.. runtimes];
        _reconciler = new MeasuredReconciler(reconciler, metrics, time);
        _desired = desired;
        _observed = observed;
        _scheduling = scheduling;
        _status = status;
        _events = events;
        _time = time;
        _options = options.Value;
        _loggers = loggers;
        _logger = loggers.CreateLogger<ControlLoop>();
    }

    public bool IsRunning => _running is not null;

    /// <summary>The running loop's queue, for diagnostics and tests.</summary>
    internal WorkQueue? Queue => _running?.Queue;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_running is not null)
            {
                return;
            }

            var queue = new WorkQueue(_time);
            var cts = new CancellationTokenSource();
            var watchers = _runtimes.Select(r => new RuntimeWatcher(r, _options.FleetName, _observed, _scheduling, _events, _time, key => Wake(queue, key), _loggers.CreateLogger<RuntimeWatcher>())).ToList();
            foreach (var runtime in _runtimes)
            {
                await runtime.PrepareFleetAsync(_options.FleetName, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                foreach (var watcher in watchers)
                {
                    watcher.OpenStream(cts.Token);
                    await watcher.RelistAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                await cts.CancelAsync().ConfigureAwait(false);
                cts.Dispose();
                throw;
            }

            Action<IReadOnlyCollection<string>> onDesired = keys =>
            {
                foreach (var key in keys)
                {
                    queue.Add(key);
                }
            };
            _desired.Changed += onDesired;
            Action<string> onWake = queue.Add;
            _wake.Requested += onWake;
            Action onWakeWorkloads = () => WakeWorkloads(queue);
            _wake.WorkloadsRequested += onWakeWorkloads;
            var controller = new Controller(queue, _reconciler, () => WakeUnplaced(queue), _logger);
            var tasks = new List<Task>(controller.Start(_options.Workers, cts.Token));
            tasks.AddRange(watchers.Select(w => Task.Run(() => w.WatchAsync(cts.Token), CancellationToken.None)));
            var resync = _time.CreateTimer(_ => Resync(queue), null, _options.ResyncInterval, _options.ResyncInterval);
            _running = new Running(queue, cts, tasks, resync, onDesired, onWake, onWakeWorkloads, watchers);
            Wake(queue, null);
            LogStarted(_logger, _options.FleetName, _runtimes.Count, _options.Workers);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_running is not { } running)
            {
                return;
            }

            _running = null;
            _desired.Changed -= running.OnDesired;
            _wake.Requested -= running.OnWake;
            _wake.WorkloadsRequested -= running.OnWakeWorkloads;
            await running.Resync.DisposeAsync().ConfigureAwait(false);
            running.Queue.ShutDown(_options.Workers);
            await running.Cancellation.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(running.Tasks).ConfigureAwait(false);
            running.Cancellation.Dispose();
            running.Queue.Dispose();
            _health.StopAll();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    public void Dispose() => StopAsync().GetAwaiter().GetResult();

    private void Wake(WorkQueue queue, string? workload)
    {
        if (workload is not null)
        {
            queue.Add(workload);
            return;
        }

        WakeWorkloads(queue);
        foreach (var node in _observed.Nodes())
        {
            queue.Add(NodeKeys.For(node.Info.Name));
        }
    }

    private void WakeWorkloads(WorkQueue queue)
    {
        foreach (var spec in _desired.Current?.Workloads ?? [])
        {
            queue.Add(spec.Name);
        }

        foreach (var name in _observed.Workloads())
        {
            queue.Add(name);
        }
    }

    private void WakeUnplaced(WorkQueue queue)
    {
        foreach (var workload in _status.WithUnplacedReplicas)
        {
            queue.Add(workload);
        }
    }

    /// <summary>The periodic resync re-reads the observed state, as client-go informers resync from their cache: it
    /// wakes every workload and node and lists nothing. The watchers list again themselves when their event stream
    /// breaks or skips a container.</summary>
    private void Resync(WorkQueue queue) => Wake(queue, null);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Control loop of fleet '{Fleet}' started: {Runtimes} runtimes, {Workers} workers")]
    private static partial void LogStarted(ILogger logger, string fleet, int runtimes, int workers);

    private sealed record Running(WorkQueue Queue, CancellationTokenSource Cancellation, List<Task> Tasks, ITimer Resync, Action<IReadOnlyCollection<string>> OnDesired, Action<string> OnWake, Action OnWakeWorkloads, IReadOnlyList<RuntimeWatcher> Watchers);
}
