using System.Globalization;
using System.Reflection;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Runtime;
using Orchestration.TestSupport;

namespace Orchestration.Benchmarks.LeaderElection;

/// <summary>Leader failover between host processes with leader election on Redis (eng/stores.sh): the time from a
/// SIGKILL of the leader to the follower leading, and from a graceful stop of the leader to the next one leading.
/// Timings are Kubernetes' (lease 15 s, renew deadline 10 s, retry 2 s) unless given: <c>failover lease_s=5</c>
/// scales the renew deadline to 2/3 of the lease and the retry to 1/10.</summary>
internal static class FailoverBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var lease = TimeSpan.FromSeconds(args.Select(a => a.Split('=')).Where(p => p is ["lease_s", _]).Select(p => double.Parse(p[1], CultureInfo.InvariantCulture)).DefaultIfEmpty(15).First());
        var renew = lease * 2 / 3;
        var retry = lease / 7.5;
        var redis = $"127.0.0.1:{Environment.GetEnvironmentVariable("ORCHESTRATION_REDIS_PORT") ?? "6391"}";
        var app = typeof(FailoverBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "LeaderAppPath").Value!;
        var fleet = $"bench-failover-{Guid.NewGuid().ToString("n")[..6]}";
        try
        {
            using var a = LeaderHostProcess.Start(app, fleet, redis, lease, renew, retry);
            await a.WaitForAsync("leader");
            using var b = LeaderHostProcess.Start(app, fleet, redis, lease, renew, retry);
            await b.WaitForAsync("follower");
            await WaitReadyAsync(a);

            var killedAt = LeaderHostProcess.Clock.Elapsed;
            a.Kill();
            var (_, tookOverAt) = await b.WaitForAsync("leader", lease.TotalSeconds * 3);
            var killToLeader = tookOverAt - killedAt;

            using var c = LeaderHostProcess.Start(app, fleet, redis, lease, renew, retry);
            await c.WaitForAsync("follower");
            await c.WaitForAsync("started");
            await Task.Delay(TimeSpan.FromSeconds(1)); // a follower past its start-up, waiting on the lease
            var stoppedAt = LeaderHostProcess.Clock.Elapsed;
            await b.SendAsync("quit");
            var (_, handedAt) = await c.WaitForAsync("leader", lease.TotalSeconds * 3);
            var handoff = handedAt - stoppedAt;
            await c.SendAsync("quit");
            await c.WaitForAsync("stopped");

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench failover kill_to_leader_s={killToLeader.TotalSeconds:0.00} graceful_handoff_ms={handoff.TotalMilliseconds:0} lease_s={lease.TotalSeconds:0.#} renew_deadline_s={renew.TotalSeconds:0.#} retry_s={retry.TotalSeconds:0.##}"));
            return 0;
        }
        finally
        {
            await RemoveFleetAsync(fleet);
        }
    }

    private static async Task WaitReadyAsync(LeaderHostProcess host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            await host.SendAsync("status");
            if ((await host.WaitForAsync("status")).Line == "status 3")
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The fleet did not become ready.");
    }

    private static async Task RemoveFleetAsync(string fleet)
    {
        using var client = new DockerClientBuilder().WithEndpoint(new Uri("unix:///var/run/docker.sock")).WithApiVersion(new System.Version(1, 41)).Build();
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{OrchestrationLabels.Fleet}={fleet}"] = true } };
        foreach (var container in await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }))
        {
            await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        foreach (var network in await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }))
        {
            await client.Networks.DeleteNetworkAsync(network.ID);
        }
    }
}
