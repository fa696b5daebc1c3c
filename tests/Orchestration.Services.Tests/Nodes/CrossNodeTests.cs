using Microsoft.Extensions.DependencyInjection;
using Orchestration.Runtime.Docker;
using Orchestration.Services.Tests.Infrastructure;
using Orchestration.TestSupport;

namespace Orchestration.Services.Tests.Nodes;

[Collection(EngineCollection.Name)]
public sealed class CrossNodeTests
{
    private const string Node2Socket = "unix:///var/run/orchestration-node2.sock";

    [Fact]
    public async Task A_workload_reaches_its_dependency_on_another_engine_by_name_and_port()
    {
        try
        {
            await RepositoryScripts.RunAsync("eng/engine.sh", "nodes 2");
            await RepositoryScripts.RunAsync("eng/images.sh", Node2Socket);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"The second engine could not be started; run `bash eng/engine.sh nodes 2` as root. Cause: {e.Message}", e);
        }

        var cache = TestWorkloads.Web(replicas: 2, name: "cache") with { };
        cache = new WorkloadBuilder("cache").Image(TestWorkloads.V1).Replicas(2).Port("http", 8080)
            .Readiness(Probe.Http("/") with { Period = TestWorkloads.ProbePeriod })
            .NodeSelector("zone", "b").StopGracePeriod(TimeSpan.FromSeconds(1)).Build();
        var caller = TestWorkloads.Caller("cache") with { };
        caller = new WorkloadBuilder("caller").Configure(_ => caller).NodeSelector("zone", "a").DependsOn("cache").Build();

        await using var fleet = await ServiceFleet.StartAsync("xnode", [cache, caller], docker: o =>
        {
            o.Nodes.Add(new DockerNodeOptions { Name = "node1", Endpoint = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } h ? h : "unix:///var/run/docker.sock", Labels = { ["zone"] = "a" } });
            o.Nodes.Add(new DockerNodeOptions { Name = "node2", Endpoint = Node2Socket, Labels = { ["zone"] = "b" } });
        });
        var status = await fleet.WaitForAsync(s => s["cache"]!.Ready == 2 && s["caller"]!.Replicas.Any(r => r.Phase == ReplicaPhase.Running));
        Assert.All(status["cache"]!.Replicas, r => Assert.Equal("node2", r.Node));
        var client = status["caller"]!.Replicas.Single();
        Assert.Equal("node1", client.Node);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        var (ok, failed, detail) = (0, 0, "");
        while (ok < 20 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            var result = await fleet.ExecAsync(client, "sh", "-c", "wc -l < /tmp/ok; wc -l < /tmp/fail; tail -n 2 /tmp/err");
            var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            (ok, failed, detail) = (int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture), string.Join(" | ", lines.Skip(2)));
        }

        Assert.True(ok >= 20, $"the caller on node1 reached cache on node2 {ok} times ({failed} failures: {detail})");
        var env = await fleet.ExecAsync(client, "sh", "-c", "echo $CACHE_HOST:$CACHE_PORT_HTTP $services__cache__http__0");
        Assert.Equal("cache:8080 http://cache:8080", env.Output.Trim());
    }
}
