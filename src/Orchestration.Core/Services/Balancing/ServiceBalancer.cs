using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Orchestration.Runtime;
using Orchestration.State;

namespace Orchestration.Services;

/// <summary>An in-process TCP balancer for one port of one workload: listens on a fixed or assigned port and hands
/// each connection to a ready replica (round-robin or least connections). A replica that leaves the endpoints takes no
/// new connection from that moment; its open connections drain for the workload's drain delay and are then cut. A
/// refused or timed-out connect is retried on the next replica; with no ready replica the connection is held until
/// one is ready, up to the hold timeout, and the <see cref="IServiceWakeHandler"/>s are told.</summary>
internal sealed partial class ServiceBalancer : IAsyncDisposable
{
    private readonly string _workload;
    private readonly string _port;
    private readonly ServiceAddressOptions _options;
    private readonly ServiceEndpointTable _table;
    private readonly DesiredStateStore _desired;
    private readonly IReadOnlyList<IServiceWakeHandler> _wakers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BackendPool _pool;
    private readonly Func<ServiceEndpoint, bool>? _include;
    private readonly CancellationTokenSource _stop = new();
    private readonly Socket _listener;
    private Task _accepting = Task.CompletedTask;

    public ServiceBalancer(
        string workload,
        string port,
        ServiceAddressOptions options,
        ServiceEndpointTable table,
        DesiredStateStore desired,
        IReadOnlyList<IServiceWakeHandler> wakers,
        TimeProvider time,
        ILogger logger,
        Func<ServiceEndpoint, bool>? include = null)
    {
        _include = include;
        _workload = workload;
        _port = port;
        _options = options;
        _table = table;
        _desired = desired;
        _wakers = wakers;
        _time = time;
        _logger = logger;
        _pool = new BackendPool(options.Strategy);
        var listen = new IPEndPoint(IPAddress.Parse(options.ListenAddress), options.HostPort ?? 0);
        _listener = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _listener.Bind(listen);
            _listener.Listen(1024);
        }
        catch (SocketException e)
        {
            _listener.Dispose();
            throw new InvalidOperationException($"The service address of '{workload}/{port}' cannot listen on {listen}: {e.Message}", e);
        }

        var bound = (IPEndPoint)_listener.LocalEndPoint!;
        Address = new ServiceAddress(workload, port, new HostEndpoint(bound.Address.ToString(), bound.Port));
    }

    public ServiceAddress Address { get; }

    /// <summary>Open connections per replica, for status and tests.</summary>
    public IReadOnlyDictionary<string, int> OpenConnections => _pool.Live.ToDictionary(b => b.ReplicaId, b => b.Active, StringComparer.Ordinal);

    /// <summary>The replicas taking new connections, with their open and total connections, for autoscaling.</summary>
    internal IReadOnlyList<Backend> Backends => _pool.Live;

    public void Start()
    {
        _table.Changed += OnEndpointsChanged;
        Update();
        _accepting = AcceptAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _table.Changed -= OnEndpointsChanged;
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        foreach (var backend in _pool.Update([]))
        {
            backend.AbortAll();
        }

        _stop.Dispose();
    }

    private void OnEndpointsChanged(string workload)
    {
        if (workload == _workload)
        {
            Update();
        }
    }

    private void Update()
    {
        var endpoints = _table.GetEndpoints(_workload, _port);
        var spec = _desired.Current?.Find(_workload);
        var containerPort = spec?.Ports.FirstOrDefault(p => p.Name == _port)?.ContainerPort;
        var routes = ReplicaRoutes.Resolve(_include is null ? endpoints : [.. endpoints.Where(_include)], _table.ReadyOf(_workload), containerPort);
        var left = _pool.Update(routes);
        if (left.Count == 0)
        {
            return;
        }

        var drain = spec?.DrainDelay ?? TimeSpan.Zero;
        foreach (var backend in left)
        {
            LogRetired(_logger, _workload, _port, backend.ReplicaId, backend.Active, drain.TotalSeconds);
            _ = DrainAsync(backend, drain);
        }
    }

    private async Task DrainAsync(Backend backend, TimeSpan delay)
    {
        if (delay > TimeSpan.Zero && backend.Active > 0)
        {
            try
            {
                await Task.Delay(delay, _time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        backend.AbortAll();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                LogAcceptFailed(_logger, _workload, _port, e.SocketErrorCode.ToString());
                continue;
            }

            client.NoDelay = true;
            _ = ServeAsync(client, cancellationToken);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        using var _ = client;
        StartingReplicaDial? dial = null;
        try
        {
            await ServeAsync(client, d => dial = d, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (dial is not null)
            {
                await dial.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task ServeAsync(Socket client, Action<StartingReplicaDial> dialing, CancellationToken cancellationToken)
    {
        var held = _time.GetTimestamp();
        var tried = new List<Backend>();
        var woken = false;
        StartingReplicaDial? dial = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var changed = _pool.Changed;
            var backend = _pool.Pick(tried);
            Socket? early = null;
            if (backend is null && dial?.Take() is { } dialed)
            {
                // A replica of a service woken from zero accepted before its readiness probe passed.
                backend = _pool.Early(dialed.Route);
                early = dialed.Socket;
            }

            if (backend is null)
            {
                var waited = _time.GetElapsedTime(held);
                if (waited >= _options.HoldTimeout)
                {
                    LogNoReplica(_logger, _workload, _port, tried.Count, waited.TotalSeconds);
                    return;
                }

                if (!woken && tried.Count == 0)
                {
                    woken = true;
                    Wake(cancellationToken);
                }

                if (dial is null && WakesFromZero() is { } containerPort)
                {
                    dial = StartingReplicaDial.Start(_table, _workload, _port, containerPort, _time, cancellationToken);
                    dialing(dial);
                }

                // Wait for the endpoints to change (a replica became ready), or a starting replica of a service woken
                // from zero to accept, then try every replica again.
                tried.Clear();
                try
                {
                    var next = dial is { Taken: false, Result.IsCompleted: false } ? Task.WhenAny(changed, dial.Result) : changed;
                    await next.WaitAsync(_options.HoldTimeout - waited, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            var upstream = early ?? await ConnectAsync(backend, cancellationToken).ConfigureAwait(false);
            if (upstream is null)
            {
                tried.Add(backend);
                continue;
            }

            using (upstream)
            {
                if (!backend.TryOpen(upstream))
                {
                    tried.Add(backend);
                    continue;
                }

                try
                {
                    await ConnectionPump.RunAsync(client, upstream, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    backend.Close(upstream);
                }
            }

            return;
        }
    }

    /// <summary>The container port to dial starting replicas on, when this connection waits for an autoscaled service
    /// that may scale to zero and has no ready replica (it is waking from zero); otherwise null.</summary>
    private int? WakesFromZero()
    {
        if (_pool.Live.Length > 0 || _include is not null || _desired.Current?.Find(_workload) is not { Autoscaling.MinReplicas: 0 } spec)
        {
            return null;
        }

        return spec.Ports.FirstOrDefault(p => p.Name == _port && p.Protocol == PortProtocol.Tcp)?.ContainerPort;
    }

    private async Task<Socket?> ConnectAsync(Backend backend, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.ConnectTimeout);
        try
        {
            EndPoint target = IPAddress.TryParse(backend.Address.Host, out var ip)
                ? new IPEndPoint(ip, backend.Address.Port)
                : new DnsEndPoint(backend.Address.Host, backend.Address.Port);
            await socket.ConnectAsync(target, deadline.Token).ConfigureAwait(false);
            return socket;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogConnectFailed(_logger, _workload, _port, backend.ReplicaId, backend.Address.ToString(), e is SocketException s ? s.SocketErrorCode.ToString() : "timed out");
            socket.Dispose();
            return null;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void Wake(CancellationToken cancellationToken)
    {
        foreach (var waker in _wakers)
        {
            _ = WakeAsync(waker, cancellationToken);
        }
    }

    private async Task WakeAsync(IServiceWakeHandler waker, CancellationToken cancellationToken)
    {
        try
        {
            await waker.OnConnectionHeldAsync(Address, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWakeFailed(_logger, e, _workload, _port);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Service address {Workload}/{Port}: replica {ReplicaId} left the endpoints; {Open} open connections drain for {DrainSeconds} s")]
    private static partial void LogRetired(ILogger logger, string workload, string port, string replicaId, int open, double drainSeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Service address {Workload}/{Port}: connecting to replica {ReplicaId} at {Address} failed ({Error}); trying the next replica")]
    private static partial void LogConnectFailed(ILogger logger, string workload, string port, string replicaId, string address, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service address {Workload}/{Port}: no ready replica took the connection ({Tried} refused) within {Seconds:0.#} s; closed it")]
    private static partial void LogNoReplica(ILogger logger, string workload, string port, int tried, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service address {Workload}/{Port}: accepting a connection failed ({Error})")]
    private static partial void LogAcceptFailed(ILogger logger, string workload, string port, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service address {Workload}/{Port}: a wake handler failed")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, string workload, string port);
}
