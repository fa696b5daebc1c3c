using Microsoft.Extensions.Logging;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.Scheduling;

namespace Orchestration.Observed;

/// <summary>Feeds the observed state from one runtime: a full list, then its event stream, relisting only when the
/// stream reports a gap or an unknown container, and reconnecting when the stream fails (each such relist is
/// published as <see cref="NodeResynced"/>, naming what broke). Every change wakes the workloads it concerns; a node
/// change wakes them all.</summary>
internal sealed partial class RuntimeWatcher
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private readonly IContainerRuntime _runtime;
    private readonly string _fleet;
    private readonly ObservedState _observed;
    private readonly SchedulingCache _scheduling;
    private readonly EventHub _events;
    private readonly TimeProvider _time;
    private readonly Action<string?> _wake;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _listGate = new(1, 1);
    private (IAsyncEnumerator<RuntimeEvent> Stream, ValueTask<bool> First)? _opened;

    public RuntimeWatcher(IContainerRuntime runtime, string fleet, ObservedState observed, SchedulingCache scheduling, EventHub events, TimeProvider time, Action<string?> wake, ILogger logger)
    {
        _runtime = runtime;
        _fleet = fleet;
        _observed = observed;
        _scheduling = scheduling;
        _events = events;
        _time = time;
        _wake = wake;
        _logger = logger;
    }

    /// <summary>Lists nodes and containers and applies them; returns how many containers were listed.</summary>
    public async Task<int> RelistAsync(CancellationToken cancellationToken)
    {
        await _listGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Nodes are described while the containers are listed (an engine answers both at once); the list is
            // applied once both are in, against the nodes as just described.
            var sequence = _observed.BeginList();
            var listing = _runtime.ListContainersAsync(_fleet, cancellationToken);
            try
            {
                await RefreshNodesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await listing.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
                throw;
            }

            var listed = await listing.ConfigureAwait(false);
            foreach (var workload in _observed.ApplyList(_observed.NodesOf(_runtime), listed, sequence))
            {
                _wake(workload);
            }

            return listed.Count;
        }
        finally
        {
            _listGate.Release();
        }
    }

    /// <summary>Lists again because changes may have been missed, and says so.</summary>
    private async Task ResyncAsync(string? node, string reason, CancellationToken cancellationToken)
    {
        var containers = await RelistAsync(cancellationToken).ConfigureAwait(false);
        _events.Publish(new NodeResynced { Time = _time.GetUtcNow(), Fleet = _fleet, Node = node, Reason = reason, Containers = containers });
    }

    /// <summary>Subscribes to the runtime's event stream, to be called before the first list (as an informer starts
    /// its watch from the list's version): a container started between the list and a later subscription would
    /// otherwise be missed until its expectation expired, and then be taken for gone and started again.</summary>
    public void OpenStream(CancellationToken cancellationToken)
    {
        _opened = Open(cancellationToken);
    }

    /// <summary>Follows the event stream (the one opened by <see cref="OpenStream"/> first) until cancelled.</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                var (stream, first) = _opened ?? Open(cancellationToken);
                _opened = null;
                await using (stream.ConfigureAwait(false))
                {
                    for (var more = await first.ConfigureAwait(false); more; more = await stream.MoveNextAsync().ConfigureAwait(false))
                    {
                        await ApplyAsync(stream.Current, cancellationToken).ConfigureAwait(false);
                    }
                }

                reason = "the runtime's event stream ended";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWatchFailed(_logger, ex);
                reason = $"the runtime's event stream failed: {ex.Message}";
            }

            try
            {
                await Task.Delay(ReconnectDelay, _time, cancellationToken).ConfigureAwait(false);
                await ResyncAsync(null, reason, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWatchFailed(_logger, ex);
            }
        }
    }

    private (IAsyncEnumerator<RuntimeEvent> Stream, ValueTask<bool> First) Open(CancellationToken cancellationToken)
    {
        var stream = _runtime.WatchAsync(_fleet, cancellationToken).GetAsyncEnumerator(cancellationToken);
        return (stream, stream.MoveNextAsync());
    }

    private async Task ApplyAsync(RuntimeEvent e, CancellationToken cancellationToken)
    {
        switch (e.Kind)
        {
            case RuntimeEventKind.NodeChanged:
                await RefreshNodesAsync(cancellationToken).ConfigureAwait(false);
                return;
            case RuntimeEventKind.Resync:
                await ResyncAsync(e.Node, e.Reason ?? $"events of node '{e.Node}' may have been missed", cancellationToken).ConfigureAwait(false);
                return;
        }

        var (workload, unknown) = _observed.Apply(e);
        if (unknown)
        {
            await ResyncAsync(e.Node, $"an event ({e.Kind}) named container {e.ContainerId} that was never observed", cancellationToken).ConfigureAwait(false);
        }
        else if (workload is not null)
        {
            _wake(workload);
        }
    }

    private async Task RefreshNodesAsync(CancellationToken cancellationToken)
    {
        var nodes = await _runtime.GetNodesAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var changes = _observed.SetNodes(_runtime, nodes, now);
        var changed = false;
        foreach (var node in nodes)
        {
            changed |= _scheduling.Upsert(node);
        }

        changed |= _scheduling.RemoveMissing(_observed.Nodes().Select(n => n.Info.Name).ToHashSet(StringComparer.Ordinal)).Count > 0;
        foreach (var (node, state) in changes)
        {
            var reason = state == NodeState.Ready ? null : nodes.FirstOrDefault(n => n.Name == node)?.Reason;
            _events.Publish(new NodeStateChanged { Time = now, Fleet = _fleet, Node = node, State = state, Reason = reason });
        }

        if (changed || changes.Count > 0)
        {
            _wake(null);
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "The runtime's event stream failed; reconnecting and listing again")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);
}
