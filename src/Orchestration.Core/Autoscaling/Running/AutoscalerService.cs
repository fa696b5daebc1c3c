using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Events;
using Orchestration.Observed;
using Orchestration.Reconciliation;
using Orchestration.Services;
using Orchestration.State;

namespace Orchestration.Autoscaling;

/// <summary>Runs one <see cref="ServiceAutoscaler"/> per service whose spec has autoscaling, starting and stopping
/// them as the desired state changes, and wakes the one of a workload whose service address holds a connection.</summary>
internal sealed class AutoscalerService : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServiceAutoscaler> _autoscalers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DesiredStateStore _store;
    private readonly Orchestrator _orchestrator;
    private readonly EventHub _events;
    private readonly StatusBoard _status;
    private readonly ObservedState _observed;
    private readonly ServiceAddressRegistry _addresses;
    private readonly AutoscalerStatusBoard _board;
    private readonly AutoscalerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ContainerStatsFeed _stats;
    private readonly AutoscalerWakeRouter _router;
    private bool _running;

    public AutoscalerService(
        DesiredStateStore store,
        Orchestrator orchestrator,
        EventHub events,
        StatusBoard status,
        ObservedState observed,
        ServiceAddressRegistry addresses,
        AutoscalerStatusBoard board,
        AutoscalerMetrics metrics,
        AutoscalerWakeRouter router,
        TimeProvider time,
        ILoggerFactory? loggers = null)
    {
        _store = store;
        _orchestrator = orchestrator;
        _events = events;
        _status = status;
        _observed = observed;
        _addresses = addresses;
        _board = board;
        _metrics = metrics;
        _router = router;
        _time = time;
        _logger = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Orchestration.Autoscaling");
        _stats = new ContainerStatsFeed(time, _logger);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _running = true;
        _store.Changed += OnChanged;
        await SyncAsync().ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _store.Changed -= OnChanged;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _running = false;
            foreach (var (name, autoscaler) in _autoscalers)
            {
                _router.Unregister(name, autoscaler);
                await autoscaler.DisposeAsync().ConfigureAwait(false);
            }

            _autoscalers.Clear();
            await _stats.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    private void OnChanged(IReadOnlyCollection<string> workloads) => _ = SyncAsync();

    private async Task SyncAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_running)
            {
                return;
            }

            var fleet = _store.Current;
            var wanted = fleet?.Workloads.Where(w => w.Autoscaling is not null).ToDictionary(w => w.Name, StringComparer.Ordinal) ?? [];
            foreach (var (name, autoscaler) in _autoscalers)
            {
                if (!wanted.ContainsKey(name) && _autoscalers.TryRemove(name, out _))
                {
                    _router.Unregister(name, autoscaler);
                    await autoscaler.DisposeAsync().ConfigureAwait(false);
                }
            }

            foreach (var (name, spec) in wanted)
            {
                if (!_autoscalers.ContainsKey(name))
                {
                    var autoscaler = Create(spec);
                    _autoscalers[name] = autoscaler;
                    _router.Register(name, autoscaler);
                    autoscaler.Start();
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private ServiceAutoscaler Create(WorkloadSpec spec)
    {
        var now = _time.GetUtcNow();
        BalancerLoad? load = null;
        if (spec.Ports.Any(p => p.Protocol == PortProtocol.Tcp))
        {
            foreach (var port in spec.Ports.Where(p => p.Protocol == PortProtocol.Tcp))
            {
                _addresses.GetServiceAddress(spec.Name, port.Name);
            }

            load = new BalancerLoad(_addresses, spec.Name, now);
        }

        var collector = new MetricCollector(spec.Name, _status, _observed, _stats, load, now);
        return new ServiceAutoscaler(spec.Name, _store, _orchestrator, _events, _board, _metrics, collector, _time, _logger);
    }
}
