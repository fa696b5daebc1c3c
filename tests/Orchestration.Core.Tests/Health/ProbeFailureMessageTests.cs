using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Moq;
using Orchestration.Health;
using Orchestration.Runtime;

namespace Orchestration.Tests.Health;

/// <summary>A failed check says what was checked and why it failed, in words a user can act on.</summary>
public sealed class ProbeFailureMessageTests
{
    private static readonly ContainerRef Container = new("node-1", "c1");

    [Fact]
    public async Task A_refused_http_probe_names_the_url_and_the_cause()
    {
        var port = ClosedLoopbackPort();
        using var executor = new ProbeExecutor(TimeProvider.System, []);
        var target = Target(Mock.Of<IContainerRuntime>(MockBehavior.Strict), port);

        var outcome = await executor.RunAsync(target, ProbeTarget.Readiness, Probe.Http("/healthz") with { Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);

        Assert.False(outcome.Success);
        Assert.Equal($"GET http://127.0.0.1:{port}/healthz failed: connection refused", outcome.Failure);
    }

    [Fact]
    public async Task An_exec_probe_whose_adapter_fails_reports_the_adapters_reason()
    {
        var runtime = new Mock<IContainerRuntime>(MockBehavior.Strict);
        runtime
            .Setup(r => r.ExecAsync(Container, It.IsAny<IReadOnlyList<string>>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("the engine closed the connection"));
        using var executor = new ProbeExecutor(TimeProvider.System, []);

        var outcome = await executor.RunAsync(Target(runtime.Object, 1), ProbeTarget.Liveness, Probe.Exec("redis-cli", "ping"), CancellationToken.None);

        Assert.False(outcome.Success);
        Assert.Equal("the engine closed the connection", outcome.Failure);
        runtime.Verify(r => r.ExecAsync(Container, It.Is<IReadOnlyList<string>>(c => c.SequenceEqual(new[] { "redis-cli", "ping" })), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static ProbeTargetInfo Target(IContainerRuntime runtime, int port)
        => new("api", "api-1", Container, runtime, ImmutableDictionary<string, HostEndpoint>.Empty.Add("http", new HostEndpoint("127.0.0.1", port)));

    /// <summary>A loopback port nothing listens on: bound, read, released.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
