using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Observed;
using Orchestration.Reconciliation;
using Orchestration.Runtime;
using Orchestration.Services;
using Orchestration.State;

namespace Orchestration.Services.Tests.Balancing;

/// <summary>Real TCP servers on loopback standing in for replicas (each writes its name, then echoes), and the status
/// board, endpoint table and desired state a balancer reads, driven by the test.</summary>
internal sealed class FakeReplicas : IAsyncDisposable
{
    private readonly Dictionary<string, (TcpListener Listener, Task Loop)> _servers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<string> _ready = new(StringComparer.Ordinal);

    public FakeReplicas(TimeSpan drainDelay)
    {
        Desired.TryReplace(null, new FleetSpec
        {
            Name = "test",
            Workloads = [new WorkloadBuilder("cache").Image("cache:1").Port("redis", 6379).DrainDelay(drainDelay).Build()],
        });
        Table = new ServiceEndpointTable(Board, new ObservedState());
    }

    public StatusBoard Board { get; } = new();

    public DesiredStateStore Desired { get; } = new();

    public ServiceEndpointTable Table { get; }

    public Dictionary<string, HostEndpoint> Addresses { get; } = new(StringComparer.Ordinal);

    public ServiceBalancer Balancer(ServiceAddressOptions options, TimeProvider time, params IServiceWakeHandler[] wakers)
    {
        var balancer = new ServiceBalancer("cache", "redis", options, Table, Desired, wakers, time, NullLogger.Instance);
        balancer.Start();
        return balancer;
    }

    /// <summary>Starts a server named <paramref name="name"/> and marks it ready.</summary>
    public void Start(string name)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Addresses[name] = new HostEndpoint("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port);
        _servers[name] = (listener, ServeAsync(listener, name));
        SetReady(name, true);
    }

    /// <summary>A replica whose port refuses connections, reported ready.</summary>
    public void AddRefusing(string name)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Addresses[name] = new HostEndpoint("127.0.0.1", ((IPEndPoint)probe.LocalEndpoint).Port);
        probe.Stop();
        SetReady(name, true);
    }

    public void SetReady(string name, bool ready)
    {
        if (ready)
        {
            _ready.Add(name);
        }
        else
        {
            _ready.Remove(name);
        }

        Board.Set(new WorkloadStatus
        {
            Name = "cache",
            Kind = WorkloadKind.Service,
            Phase = WorkloadPhase.Available,
            Revision = "r1",
            Desired = _ready.Count,
            Ready = _ready.Count,
            Available = _ready.Count,
            Updated = _ready.Count,
            Replicas = [.. Addresses.Keys.Order(StringComparer.Ordinal).Select(n => new ReplicaStatus
            {
                Id = n,
                Workload = "cache",
                Revision = "r1",
                Phase = ReplicaPhase.Running,
                Node = "local",
                ContainerId = "c-" + n,
                Ready = _ready.Contains(n),
                Ports = ImmutableDictionary<string, HostEndpoint>.Empty.Add("redis", Addresses[n]),
            })],
        }, 0);
        Table.Refresh();
    }

    /// <summary>Connects to <paramref name="address"/> and reads the name of the replica that answered.</summary>
    public static async Task<(TcpClient Client, string Replica)> ConnectAsync(HostEndpoint address)
    {
        var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var buffer = new byte[64];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await client.GetStream().ReadAsync(buffer, deadline.Token);
        return (client, Encoding.ASCII.GetString(buffer, 0, read).Trim());
    }

    /// <summary>Sends a line and reads the echo; false when the connection was cut.</summary>
    public static async Task<bool> EchoesAsync(TcpClient client, string text)
    {
        try
        {
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(text));
            var buffer = new byte[64];
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var read = await stream.ReadAsync(buffer, deadline.Token);
            return Encoding.ASCII.GetString(buffer, 0, read) == text;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var (listener, loop) in _servers.Values)
        {
            listener.Stop();
            try
            {
                await loop;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(TcpListener listener, string name)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        var stream = client.GetStream();
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(name + "\n"), _stop.Token);
                        var buffer = new byte[256];
                        int read;
                        while ((read = await stream.ReadAsync(buffer, _stop.Token)) > 0)
                        {
                            await stream.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                        }
                    }
                    catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
                    {
                    }
                }
            });
        }
    }
}
