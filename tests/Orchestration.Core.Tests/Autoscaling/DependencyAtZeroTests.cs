using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Services;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Autoscaling;

/// <summary>A dependant of an autoscaled service at zero is not held back by it: it starts, an event says the
/// dependency is at zero, and the dependency is woken by the first connection to its service address.</summary>
public sealed class DependencyAtZeroTests
{
    [Fact]
    public async Task A_dependant_starts_while_its_dependency_is_at_zero_and_the_first_connection_wakes_the_dependency()
    {
        var api = FleetHarness.Service("api", 0, b => b.Autoscale(0, 2, a => a.RequestsPerSecond(5)));
        var web = FleetHarness.Service("web", 2, b => b.DependsOn("api"));
        var jobs = FleetHarness.Service("jobs", 1, b => b.DependsOn("api").DependsOn("db"));
        var db = FleetHarness.Service("db", 1, b => b.Readiness(Probe.Tcp("http")));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1));
        fleet.Runtime.SetProbeBehavior("db", ProbeBehavior.NotReady());
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [api, web, jobs, db] });

        var status = await fleet.UntilAsync(s => s["web"]!.Ready == 2, TimeSpan.FromMinutes(1));
        Assert.Equal(0, status["api"]!.Desired);
        Assert.Empty(status["api"]!.Replicas);
        var reported = Assert.Single(fleet.EventsOf<DependencyAtZero>(), e => e.Workload == "web");
        Assert.Equal("api", reported.Dependency);
        Assert.Contains("'web' starts without waiting for its dependency 'api', which is autoscaled to zero", reported.Message, StringComparison.Ordinal);

        // A dependency that is not at zero (db never becomes ready) still holds its dependant back, at zero or not.
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        Assert.Empty(fleet.Orchestrator.GetStatus()["jobs"]!.Replicas);
        Assert.DoesNotContain(fleet.EventsOf<DependencyAtZero>(), e => e.Workload == "jobs");

        // The first connection to the dependency's stable address wakes it.
        var address = fleet.Services.GetRequiredService<IServiceAddresses>().GetServiceAddress("api", "http").Address;
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);

        // The balancer and the autoscaler react on their own threads: wait in real time for the scale, not in fake time.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (fleet.Orchestrator.DesiredState!.Find("api")!.Replicas == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        status = await fleet.UntilAsync(s => s["api"]!.Ready == 1, TimeSpan.FromSeconds(20));
        Assert.Contains(fleet.EventsOf<WorkloadScaled>(), e => e.Workload == "api" && e.From == 0 && e.To == 1);
        Assert.Equal(2, status["web"]!.Ready);
    }
}
