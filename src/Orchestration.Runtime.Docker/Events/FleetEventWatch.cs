using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker.Events;

/// <summary>Merges, for one fleet, every node's container events and node health into one stream. Per node, one loop
/// follows the engine's event stream (reconnecting with <c>since</c> after the stream ends, which it does silently
/// when the engine restarts, and then emitting <see cref="RuntimeEventKind.Resync"/>), and one loop pings the engine
/// to report it NotReady when it stops answering and Ready when it answers again. Creation and start events carry
/// the container (read by <see cref="EventContainerReader"/>, one inspect each), in the engine's order.</summary>
internal sealed class FleetEventWatch(DockerNodes nodes, IOptions<DockerRuntimeOptions> options, TimeProvider timeProvider, ILogger logger, EventContainerReader? reader = null)
{
    public async IAsyncEnumerable<RuntimeEvent> WatchAsync(string fleet, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<RuntimeEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Events from the first call on, whenever each node's loop gets to connect.
        var watchStart = timeProvider.GetUtcNow();
        var loops = nodes.All
            .SelectMany(node => new[] { FollowEventsAsync(node, fleet, watchStart, channel.Writer, stop.Token), PingAsync(node, channel.Writer, stop.Token) })
            .ToArray();
        try
        {
            while (await WaitToReadAsync(channel.Reader, cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var runtimeEvent))
                {
                    yield return runtimeEvent;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
    }

    /// <summary>False when cancelled: the stream then ends quietly.</summary>
    private static async ValueTask<bool> WaitToReadAsync(ChannelReader<RuntimeEvent> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task FollowEventsAsync(DockerNode node, string fleet, DateTimeOffset watchStart, ChannelWriter<RuntimeEvent> writer, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var filters = Filters.Label(OrchestrationLabels.Fleet, fleet);
        filters["type"] = new Dictionary<string, bool>(StringComparer.Ordinal) { ["container"] = true };
        filters["event"] = EngineEventMapper.Actions.ToDictionary(a => a, _ => true, StringComparer.Ordinal);
        DateTimeOffset? lastSeen = null;
        var interrupted = false;
        string? cause = null;
        // The stream's callback only queues; one loop per node reads the containers in the engine's order.
        var received = Channel.CreateUnbounded<RuntimeEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var forwarding = ForwardAsync(node, fleet, received.Reader, writer, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var client = await node.GetClientAsync(cancellationToken).ConfigureAwait(false);
                if (interrupted)
                {
                    // Only reconnect (and announce a resync) once the engine answers again.
                    using var ping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    ping.CancelAfter(options.Value.PingTimeout);
                    await client.System.PingAsync(ping.Token).ConfigureAwait(false);
                }

                var parameters = new ContainerEventsParameters
                {
                    Filters = filters,
                    // From the watch's start on the first connection (nothing between the call and the connection is lost),
                    // from the last event seen after an interruption.
                    Since = EngineEventMapper.Since(lastSeen ?? watchStart),
                };
                var progress = new SynchronousProgress<Message>(message =>
                {
                    lastSeen = EngineEventMapper.Time(message);
                    if (EngineEventMapper.Map(node.Name, message) is { } mapped)
                    {
                        received.Writer.TryWrite(mapped);
                    }
                });
                var stream = client.System.MonitorEventsAsync(parameters, progress, cancellationToken);
                if (interrupted)
                {
                    received.Writer.TryWrite(new RuntimeEvent { Kind = RuntimeEventKind.Resync, Node = node.Name, Time = timeProvider.GetUtcNow(), Reason = cause });
                    interrupted = false;
                    cause = null;
                }

                await stream.ConfigureAwait(false);
                cause = $"the event stream of node '{node.Name}' ended";
                logger.LogInformation("Event stream of node {Node} ended; reconnecting", node.Name);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                received.Writer.TryComplete();
                await forwarding.ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                cause ??= $"the event stream of node '{node.Name}' failed: {EngineErrors.Describe(e)}";
                logger.LogDebug(e, "Event stream of node {Node} failed; reconnecting", node.Name);
            }

            interrupted = true;
            lastSeen ??= watchStart;
            try
            {
                await Task.Delay(options.Value.ReconnectDelay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        received.Writer.TryComplete();
        await forwarding.ConfigureAwait(false);
    }

    /// <summary>Passes one node's events on in order, each creation or start with its container.</summary>
    private async Task ForwardAsync(DockerNode node, string fleet, ChannelReader<RuntimeEvent> received, ChannelWriter<RuntimeEvent> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var mapped in received.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var attached = reader is null ? mapped : await reader.AttachAsync(node, fleet, mapped, cancellationToken).ConfigureAwait(false);
                if (attached is not null)
                {
                    writer.TryWrite(attached);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task PingAsync(DockerNode node, ChannelWriter<RuntimeEvent> writer, CancellationToken cancellationToken)
    {
        var pinged = NodeState.Ready;
        using var timer = new PeriodicTimer(options.Value.PingInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var state = await PingOnceAsync(node, cancellationToken).ConfigureAwait(false);
                if (state != pinged)
                {
                    pinged = state;
                    logger.LogWarning("Node {Node} is {State}", node.Name, state);
                }

                // Compared with the node's state, not with the last ping: a failed describe or list marks the node
                // NotReady between two pings, and the orchestrator must hear that the engine answers again, or it
                // keeps the node NotReady while every ping succeeds.
                if (node.TrySetState(state))
                {
                    writer.TryWrite(new RuntimeEvent { Kind = RuntimeEventKind.NodeChanged, Node = node.Name, NodeState = state, Time = timeProvider.GetUtcNow() });
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<NodeState> PingOnceAsync(DockerNode node, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.PingTimeout);
        try
        {
            var client = await node.GetClientAsync(deadline.Token).ConfigureAwait(false);
            await client.System.PingAsync(deadline.Token).ConfigureAwait(false);
            return NodeState.Ready;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return NodeState.NotReady;
        }
    }
}
