using Microsoft.Extensions.Time.Testing;
using Orchestration.TestSupport;

namespace Orchestration.Services.Tests.Balancing;

public sealed class ServiceBalancerTests
{
    [Fact]
    public async Task Round_robin_spreads_connections_evenly_over_the_ready_replicas()
    {
        await using var replicas = new FakeReplicas(TimeSpan.Zero);
        foreach (var name in new[] { "a", "b", "c" })
        {
            replicas.Start(name);
        }

        await using var balancer = replicas.Balancer(new ServiceAddressOptions(), TimeProvider.System);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 30; i++)
        {
            var (client, replica) = await FakeReplicas.ConnectAsync(balancer.Address.Address);
            client.Dispose();
            counts[replica] = counts.GetValueOrDefault(replica) + 1;
        }

        Assert.Equal(new Dictionary<string, int> { ["a"] = 10, ["b"] = 10, ["c"] = 10 }, counts);
    }

    [Fact]
    public async Task Least_connections_sends_new_connections_to_the_least_busy_replica()
    {
        await using var replicas = new FakeReplicas(TimeSpan.Zero);
        replicas.Start("a");
        replicas.Start("b");
        await using var balancer = replicas.Balancer(new ServiceAddressOptions { Strategy = BalancingStrategy.LeastConnections }, TimeProvider.System);

        var open = new List<System.Net.Sockets.TcpClient>();
        var first = await FakeReplicas.ConnectAsync(balancer.Address.Address);
        open.Add(first.Client);
        // While the first stays open, the next three go to the other replica until both have two.
        var next = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (client, replica) = await FakeReplicas.ConnectAsync(balancer.Address.Address);
            open.Add(client);
            next.Add(replica);
        }

        var other = first.Replica == "a" ? "b" : "a";
        Assert.Equal(other, next[0]);
        Assert.Equal(2, balancer.OpenConnections[first.Replica]);
        Assert.Equal(2, balancer.OpenConnections[other]);
        open.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_refused_connection_is_retried_on_the_next_replica()
    {
        await using var replicas = new FakeReplicas(TimeSpan.Zero);
        replicas.AddRefusing("dead");
        replicas.Start("live");
        await using var balancer = replicas.Balancer(new ServiceAddressOptions(), TimeProvider.System);
        for (var i = 0; i < 6; i++)
        {
            var (client, replica) = await FakeReplicas.ConnectAsync(balancer.Address.Address);
            client.Dispose();
            Assert.Equal("live", replica);
        }
    }

    [Fact]
    public async Task A_replica_that_leaves_takes_no_new_connection_and_its_open_ones_drain_for_the_drain_delay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var replicas = new FakeReplicas(TimeSpan.FromSeconds(5));
        replicas.Start("a");
        await using var balancer = replicas.Balancer(new ServiceAddressOptions(), time);
        var (held, replica) = await FakeReplicas.ConnectAsync(balancer.Address.Address);
        Assert.Equal("a", replica);

        replicas.Start("b");
        replicas.SetReady("a", false);
        for (var i = 0; i < 4; i++)
        {
            var (client, next) = await FakeReplicas.ConnectAsync(balancer.Address.Address);
            client.Dispose();
            Assert.Equal("b", next);
        }

        Assert.True(await FakeReplicas.EchoesAsync(held, "still here"), "the open connection drains");
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(await FakeReplicas.EchoesAsync(held, "still here"), "the open connection drains until the delay passes");
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.ValueAsync(() => FakeReplicas.EchoesAsync(held, "x"), echoes => !echoes, TimeSpan.FromSeconds(10), "the held connection to be cut once the drain delay passed");
        held.Dispose();
    }

    [Fact]
    public async Task With_no_ready_replica_a_connection_is_held_the_wake_handler_is_told_and_the_first_ready_replica_gets_it()
    {
        await using var replicas = new FakeReplicas(TimeSpan.Zero);
        var woken = new TaskCompletionSource<ServiceAddress>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waker = new RecordingWaker(woken);
        await using var balancer = replicas.Balancer(new ServiceAddressOptions { HoldTimeout = TimeSpan.FromSeconds(30) }, TimeProvider.System, waker);

        var connecting = FakeReplicas.ConnectAsync(balancer.Address.Address);
        var address = await woken.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(("cache", "redis"), (address.Workload, address.Port));
        Assert.False(connecting.IsCompleted);

        replicas.Start("cold");
        var (client, replica) = await connecting.WaitAsync(TimeSpan.FromSeconds(10));
        client.Dispose();
        Assert.Equal("cold", replica);
    }

    [Fact]
    public async Task A_held_connection_is_closed_after_the_hold_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var replicas = new FakeReplicas(TimeSpan.Zero);
        var woken = new TaskCompletionSource<ServiceAddress>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var balancer = replicas.Balancer(new ServiceAddressOptions { HoldTimeout = TimeSpan.FromSeconds(3) }, time, new RecordingWaker(woken));
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(balancer.Address.Address.Host, balancer.Address.Address.Port);
        await woken.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = client.GetStream().ReadAsync(new byte[8], deadline.Token).AsTask();
        while (!read.IsCompleted && !deadline.IsCancellationRequested)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(read, Task.Delay(50));
        }

        Assert.Equal(0, await read);
    }

    private sealed class RecordingWaker(TaskCompletionSource<ServiceAddress> woken) : IServiceWakeHandler
    {
        public ValueTask OnConnectionHeldAsync(ServiceAddress address, CancellationToken cancellationToken)
        {
            woken.TrySetResult(address);
            return ValueTask.CompletedTask;
        }
    }
}
