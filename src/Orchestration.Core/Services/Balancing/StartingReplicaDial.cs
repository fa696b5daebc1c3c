using System.Net;
using System.Net.Sockets;
using Orchestration.Runtime;

namespace Orchestration.Services;

/// <summary>For a connection held while a service wakes from zero: dials the replicas that are starting (container
/// running, readiness not passed yet) straight at their fleet-network address, every few milliseconds, and yields the
/// first that accepts the connection, so the held connection does not wait for the readiness probe's period and the
/// endpoint update after it. Only direct routes are dialled: a connect through a published port can be accepted by the
/// engine's port proxy before the application listens, and would prove nothing.</summary>
internal sealed class StartingReplicaDial : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _stop;
    private bool _taken;

    private StartingReplicaDial(CancellationTokenSource stop, Task<(ReplicaRoute Route, Socket Socket)?> result)
    {
        _stop = stop;
        Result = result;
    }

    /// <summary>Completes with the first starting replica that accepted, or null once stopped.</summary>
    public Task<(ReplicaRoute Route, Socket Socket)?> Result { get; }

    /// <summary>Whether the accepted connection was handed out already.</summary>
    public bool Taken => _taken;

    public static StartingReplicaDial Start(ServiceEndpointTable table, string workload, string port, int containerPort, TimeProvider time, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return new StartingReplicaDial(stop, DialOrGiveUpAsync(table, workload, port, containerPort, time, stop.Token));
    }

    /// <summary>The accepted connection, once; null while none accepted yet.</summary>
    public (ReplicaRoute Route, Socket Socket)? Take()
    {
        if (_taken || !Result.IsCompletedSuccessfully || Result.Result is not { } dialed)
        {
            return null;
        }

        _taken = true;
        return dialed;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (await Result.ConfigureAwait(false) is { } dialed && !_taken)
            {
                dialed.Socket.Dispose();
            }
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>Never faults: a dial that fails unexpectedly gives up, and the held connection waits for readiness.</summary>
    private static async Task<(ReplicaRoute Route, Socket Socket)?> DialOrGiveUpAsync(ServiceEndpointTable table, string workload, string port, int containerPort, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await DialAsync(table, workload, port, containerPort, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static async Task<(ReplicaRoute Route, Socket Socket)?> DialAsync(ServiceEndpointTable table, string workload, string port, int containerPort, TimeProvider time, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = table.NextStatus;
            var (starting, endpoints) = table.StartingOf(workload, port);

            // Read each time: the bridge of a network whose first container just started comes up only now.
            var networks = endpoints.Count == 0 ? [] : AttachedNetworks.Read();
            foreach (var route in ReplicaRoutes.Resolve(endpoints, starting, containerPort, networks))
            {
                if (!IsDirect(route, starting) || await TryConnectAsync(route.Address, cancellationToken).ConfigureAwait(false) is not { } socket)
                {
                    continue;
                }

                return (route, socket);
            }

            try
            {
                // Starting replicas are tried again shortly (the application may not listen yet); with none, the next
                // status brings one.
                await (starting.IsEmpty ? next : Task.WhenAny(next, Task.Delay(RetryDelay, time, cancellationToken))).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsDirect(ReplicaRoute route, IEnumerable<ReadyReplica> starting)
        => starting.Any(r => r.Status.Id == route.ReplicaId && r.NetworkAddress == route.Address.Host);

    private static async Task<Socket?> TryConnectAsync(HostEndpoint address, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(AttemptTimeout);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(address.Host), address.Port), deadline.Token).ConfigureAwait(false);
            return socket;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            return null;
        }
    }
}
