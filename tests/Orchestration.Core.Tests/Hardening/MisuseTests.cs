using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Hardening;

public class MisuseTests
{
    [Fact]
    public async Task A_host_without_a_runtime_fails_at_start_saying_which_call_is_missing()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOrchestration(o => o.FleetName = "shop").AddWorkload("web", w => w.Image("busybox"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("UseDocker()", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseInMemoryRuntime()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_workload_names_throw_naming_the_workloads_that_exist()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), FleetHarness.Service("web", 1), FleetHarness.Service("db", 1));
        var orchestrator = fleet.Orchestrator;
        const string Expected = "Workload 'wbe' is not part of fleet 'test' (its workloads: web, db); did you mean 'web'?";

        Assert.StartsWith(Expected, Assert.Throws<ArgumentException>(() => orchestrator.GetEndpoints("wbe")).Message, StringComparison.Ordinal);
        Assert.StartsWith(Expected, Assert.Throws<ArgumentException>(() => orchestrator.FollowLogsAsync("wbe")).Message, StringComparison.Ordinal);
        Assert.StartsWith(Expected, Assert.Throws<ArgumentException>(() => orchestrator.GetRevisionHistory("wbe")).Message, StringComparison.Ordinal);
        Assert.StartsWith(Expected, (await Assert.ThrowsAsync<ArgumentException>(() => orchestrator.ScaleAsync("wbe", 2))).Message, StringComparison.Ordinal);
        Assert.StartsWith(Expected, (await Assert.ThrowsAsync<ArgumentException>(() => orchestrator.RestartReplicaAsync("wbe", "x"))).Message, StringComparison.Ordinal);

        var condition = await Assert.ThrowsAsync<KeyNotFoundException>(() => orchestrator.WaitForAsync(s => s["wbe"]?.Ready == 1, TimeSpan.FromHours(1)));
        Assert.Equal(Expected, condition.Message);
        Assert.Null(orchestrator.GetStatus()["wbe"]);
    }
}
