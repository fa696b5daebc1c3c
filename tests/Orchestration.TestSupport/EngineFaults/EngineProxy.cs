using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Orchestration.TestSupport.EngineFaults;

/// <summary>A Unix-socket proxy in front of a Docker engine's socket, for tests and benchmarks: it counts every request
/// (<see cref="Calls"/>) and, on demand, delays requests (<see cref="Latency"/>), answers them with errors, drops
/// connections and cuts the event streams passing through it. Point a node's endpoint at <see cref="Endpoint"/>.</summary>
public sealed class EngineProxy : IAsyncDisposable
{
    private readonly string _upstreamPath;
    private readonly string _directory;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<EngineCall> _calls = new();
    private readonly ConcurrentDictionary<ProxyConnection, bool> _connections = new();
    private readonly List<EngineFault> _faults = [];
    private readonly Task _accepting;
    private long _latencyTicks;

    private EngineProxy(string upstreamPath)
    {
        _upstreamPath = upstreamPath;
        _directory = Directory.CreateTempSubdirectory("engine-proxy-").FullName;
        var path = Path.Combine(_directory, "engine.sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        _listener.Listen(512);
        Endpoint = $"unix://{path}";
        _accepting = AcceptAsync();
    }

    /// <summary>Where clients connect: <c>unix:///…/engine.sock</c>.</summary>
    public string Endpoint { get; }

    /// <summary>Every request seen so far, in order of arrival (faulted ones included).</summary>
    public IReadOnlyList<EngineCall> Calls => [.. _calls];

    /// <summary>Delay added before each request is passed on.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>Starts a proxy in front of the engine at <paramref name="engineEndpoint"/> (a <c>unix://</c> endpoint).</summary>
    public static EngineProxy Start(string engineEndpoint)
    {
        var uri = new Uri(engineEndpoint);
        if (uri.Scheme != "unix")
        {
            throw new ArgumentException($"The engine proxy fronts Unix sockets only (was '{engineEndpoint}').", nameof(engineEndpoint));
        }

        return new EngineProxy(uri.LocalPath);
    }

    /// <summary>Answers the next <paramref name="count"/> requests matching <paramref name="match"/> (all when null)
    /// with <paramref name="status"/> and a message naming the injected fault.</summary>
    public void FailNext(int count, int status, Func<EngineCall, bool>? match = null)
        => Arm(new EngineFault(EngineFaultKind.ErrorAnswer, count, status, match ?? (_ => true)));

    /// <summary>Drops the connection of the next <paramref name="count"/> requests matching <paramref name="match"/>:
    /// before the engine sees them, or (<paramref name="afterEngine"/>) after it carried them out, losing the answer.</summary>
    public void DropNext(int count, Func<EngineCall, bool>? match = null, bool afterEngine = false)
        => Arm(new EngineFault(afterEngine ? EngineFaultKind.DropAnswer : EngineFaultKind.DropBeforeEngine, count, 0, match ?? (_ => true)));

    /// <summary>Faults armed but not yet used.</summary>
    public int PendingFaults
    {
        get
        {
            lock (_faults)
            {
                return _faults.Sum(f => f.Remaining);
            }
        }
    }

    /// <summary>Cuts every event stream passing through now; returns how many.</summary>
    public int CutEventStreams()
    {
        var cut = 0;
        foreach (var connection in _connections.Keys.Where(c => c.IsEventStream))
        {
            connection.Close();
            cut++;
        }

        return cut;
    }

    /// <summary>Forgets the calls counted so far.</summary>
    public void ResetCalls() => _calls.Clear();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        foreach (var connection in _connections.Keys)
        {
            connection.Close();
        }

        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void Arm(EngineFault fault)
    {
        lock (_faults)
        {
            _faults.Add(fault);
        }
    }

    private EngineFault? TakeFault(EngineCall call)
    {
        lock (_faults)
        {
            _faults.RemoveAll(f => f.Remaining <= 0);
            return _faults.FirstOrDefault(f => f.TryTake(call));
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        var upstream = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await upstream.ConnectAsync(new UnixDomainSocketEndPoint(_upstreamPath), _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // The engine does not answer: neither does the proxy.
            upstream.Dispose();
            client.Dispose();
            return;
        }

        using var connection = new ProxyConnection(client, upstream);
        _connections[connection] = true;
        try
        {
            var answers = connection.RelayAnswersAsync(_stop.Token);
            await RelayRequestsAsync(connection, _stop.Token).ConfigureAwait(false);
            await answers.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client, the engine or the proxy closed the connection.
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }

    private async Task RelayRequestsAsync(ProxyConnection connection, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(connection.ClientStream);
        while (await reader.ReadHeadAsync(cancellationToken).ConfigureAwait(false) is { } bytes)
        {
            var head = RequestHead.Parse(bytes, DateTimeOffset.UtcNow);
            _calls.Enqueue(head.Call);
            connection.IsEventStream = head.Call.IsEventStream;
            if (Latency is { } latency && latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
            }

            switch (TakeFault(head.Call))
            {
                case { Kind: EngineFaultKind.ErrorAnswer } fault:
                    await AnswerErrorAsync(connection, head.Call, fault.Status, cancellationToken).ConfigureAwait(false);
                    connection.Close();
                    return;
                case { Kind: EngineFaultKind.DropBeforeEngine }:
                    connection.Close();
                    return;
                case { Kind: EngineFaultKind.DropAnswer }:
                    // The whole request reaches the engine; its answer closes the connection instead of being passed on.
                    connection.DropAnswer();
                    await connection.UpstreamStream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                    await reader.CopyBodyAsync(head, connection.UpstreamStream, cancellationToken).ConfigureAwait(false);
                    return;
            }

            await connection.UpstreamStream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            if (head.Upgrade)
            {
                await reader.CopyToEndAsync(connection.UpstreamStream, cancellationToken).ConfigureAwait(false);
                return;
            }

            await reader.CopyBodyAsync(head, connection.UpstreamStream, cancellationToken).ConfigureAwait(false);
        }

        connection.CloseUpstreamWrites();
    }

    private static async Task AnswerErrorAsync(ProxyConnection connection, EngineCall call, int status, CancellationToken cancellationToken)
    {
        var reason = status switch
        {
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => "Error",
        };
        var body = $"{{\"message\":\"fault injected by the engine proxy: {status} {reason} for {call}\"}}";
        var answer = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
        await connection.ClientStream.WriteAsync(Encoding.UTF8.GetBytes(answer), cancellationToken).ConfigureAwait(false);
        await connection.ClientStream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
