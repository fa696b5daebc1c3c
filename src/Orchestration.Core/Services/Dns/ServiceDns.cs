using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Orchestration.Services;

/// <summary>The fleet's DNS: one UDP listener on port 53 of each node's fleet-network gateway, an address of this
/// machine that the node's containers reach. A runtime that can point its containers at it (<see cref="TryServe"/>)
/// creates them without the workload's name as a network alias, so the name is answered here, from readiness,
/// and not by the engine. Stops with the host.</summary>
internal sealed partial class ServiceDns : IFleetDns, IHostedService, IAsyncDisposable, IDisposable
{
    private readonly ServiceDnsAnswers _answers;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Listener?> _listeners = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();

    private readonly NodeForwarders _forwarders;

    /// <summary>Whether <paramref name="workload"/> is a workload of the desired state, whose name this DNS answers.</summary>
    public bool Answers(string workload) => _answers.Knows(workload);

    public ServiceDns(ServiceDnsAnswers answers, NodeForwarders forwarders, ILoggerFactory? loggers = null)
    {
        _answers = answers;
        _forwarders = forwarders;
        _logger = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Orchestration.Services");
    }

    /// <summary>Answers the fleet's names on <paramref name="gateway"/>:53 for the containers of <paramref name="node"/>;
    /// false when that address cannot be bound here (another machine's engine, no permission for port 53, in use).</summary>
    public bool TryServe(string node, IPAddress gateway)
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return false;
            }

            var key = $"{node}/{gateway}";
            if (_listeners.TryGetValue(key, out var existing))
            {
                return existing is not null;
            }

            Listener? listener = null;
            try
            {
                var socket = new Socket(gateway.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                try
                {
                    socket.Bind(new IPEndPoint(gateway, 53));
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }

                listener = new Listener(node, socket, ServeAsync(node, socket, _stop.Token));
                _forwarders.SetGateway(node, gateway);
                LogServing(_logger, node, gateway.ToString());
            }
            catch (SocketException e)
            {
                LogCannotServe(_logger, node, gateway.ToString(), e.SocketErrorCode.ToString());
            }

            _listeners[key] = listener;
            return listener is not null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    /// <summary>Disposes synchronously, for containers disposed with <c>Dispose</c>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        List<Listener> listeners;
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _stop.Cancel();
            listeners = [.. _listeners.Values.OfType<Listener>()];
        }

        foreach (var listener in listeners)
        {
            listener.Socket.Dispose();
            await listener.Loop.ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(string node, Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1500];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            var message = buffer.AsSpan(0, received.ReceivedBytes);
            if (DnsQuery.TryParse(message) is not { } query)
            {
                continue;
            }

            byte[] reply;
            if (query.Class != 1 || _answers.Resolve(node, query.Name) is not { } addresses)
            {
                reply = query.Refuse(message);
            }
            else
            {
                reply = query.Answer(message, query.Type == DnsQuery.TypeA ? addresses : []);
            }

            try
            {
                await socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fleet DNS answers workload names on node {Node} at {Gateway}:53")]
    private static partial void LogServing(ILogger logger, string node, string gateway);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fleet DNS cannot listen on node {Node}'s gateway {Gateway}:53 ({Error}); the engine answers workload names there, not only ready replicas")]
    private static partial void LogCannotServe(ILogger logger, string node, string gateway, string error);

    private sealed record Listener(string Node, Socket Socket, Task Loop);
}
