using System.Net;
using System.Net.Sockets;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Runtime.Docker.Images;
using Orchestration.TestSupport;
using Orchestration.Testing;

namespace Orchestration.Docker.Tests.Hardening;

/// <summary>Permanent conditions end the wait at once with their reason: the ready timeout here is five minutes, and
/// the test would take that long if they did not.</summary>
[Collection(DockerCollection.Name)]
public sealed class FailFastOnEngineTests
{
    private static readonly TestFleetOptions Patient = new() { ReadyTimeout = TimeSpan.FromMinutes(5) };

    [Fact]
    public async Task An_image_absent_under_pull_policy_never_fails_the_test_fleet_at_once()
    {
        var error = await Assert.ThrowsAsync<FleetNotReadyException>(() => TestFleet.StartAsync(
            b => b.AddWorkload("web", w => w.Image($"orchestration-test/absent-{Guid.NewGuid():N}:1").PullPolicy(PullPolicy.Never).Port("http", 8080)), Patient));

        var stalled = Assert.IsType<WorkloadStalledException>(error.InnerException);
        Assert.Equal("web", stalled.Workload);
        Assert.Contains("pull policy is Never", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_port_taken_by_another_process_fails_the_test_fleet_at_once()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<FleetNotReadyException>(() => TestFleet.StartAsync(
            b => b.AddWorkload("web", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Port("http", 8080, hostPort: port)), Patient));

        var stalled = Assert.IsType<WorkloadStalledException>(error.InnerException);
        Assert.StartsWith("a fixed host port is taken", stalled.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pull_refusals_are_permanent_and_connection_failures_are_not()
    {
        Assert.True(PullRefusals.IsPermanent(null, "manifest for team/app:9 not found: manifest unknown"));
        Assert.True(PullRefusals.IsPermanent(null, "pull access denied for team/app, repository does not exist or may require 'docker login'"));
        Assert.True(PullRefusals.IsPermanent(null, "unauthorized: authentication required"));
        Assert.False(PullRefusals.IsPermanent(null, "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io: no such host"));
        Assert.False(PullRefusals.IsPermanent(new HttpRequestException("connection refused"), "connection refused"));
    }
}
