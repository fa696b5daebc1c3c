using Docker.DotNet.Models;
using Orchestration.LeaderElection.Tests.Infrastructure;
using System.Reflection;
using Orchestration.Runtime;
using Orchestration.TestSupport;

namespace Orchestration.LeaderElection.Tests.Failover;

/// <summary>Host processes that declare the same fleet, with leader election on Redis and short timings (lease 5 s,
/// renew deadline 3.5 s, retry 0.5 s): one leads, the other takes over when it is killed mid-rollout, and the revision
/// history, rollback and a graceful hand-off carry across.</summary>
public sealed class TwoHostProcessesTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(3.5);
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(500);
    private const int Replicas = 3;
    private const int MaxSurge = 1;
    private static readonly string AppPath = typeof(TwoHostProcessesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "LeaderAppPath").Value!;

    [Fact]
    public async Task Only_the_leader_acts_and_the_follower_finishes_its_rollout_after_a_SIGKILL_keeping_history_and_rollback()
    {
        var fleet = LeaseServers.UniqueFleet("ha");
        await using var engine = new FleetOnEngine(fleet);
        using var a = LeaderHostProcess.Start(AppPath, fleet, LeaseServers.Redis, Lease, RenewDeadline, Retry);
        Assert.Equal("leader 1", Term(await a.WaitForAsync("leader")));
        using var b = LeaderHostProcess.Start(AppPath, fleet, LeaseServers.Redis, Lease, RenewDeadline, Retry);
        await b.WaitForAsync("follower");
        await WaitReadyAsync(a);
        await WaitReadyAsync(b); // the follower's own status, from its own watch and probes

        // Only one instance makes changes, counted on the engine's side: every container created is the leader's.
        await Task.Delay(Retry * 4);
        Assert.Equal(Replicas, engine.Created.Count);
        var owner = engine.Created[0][OrchestrationLabels.Owner];
        Assert.All(engine.Created, labels => Assert.Equal(owner, labels[OrchestrationLabels.Owner]));
        Assert.All(engine.Created, labels => Assert.Equal("1", labels[OrchestrationLabels.Term]));

        await a.AskAsync("update orchestration/busybox:2", "updated");
        var history = await a.AskAsync("history", "history");
        Assert.StartsWith("history 1=", history, StringComparison.Ordinal);
        Assert.Contains(",2=", history, StringComparison.Ordinal);

        using var sampling = new CancellationTokenSource();
        var violations = new List<string>();
        var sampler = SampleAsync(engine, violations, sampling.Token);
        await engine.WaitUntilAsync(running => running.Any(c => c.Image == "orchestration/busybox:2"));
        var killedAt = LeaderHostProcess.Clock.Elapsed;
        a.Kill();

        var (leader, tookOverAt) = await b.WaitForAsync("leader", 30);
        var termOfB = long.Parse(leader.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(termOfB >= 2, leader);
        var takeover = tookOverAt - killedAt;
        Assert.True(takeover < Lease + TimeSpan.FromSeconds(2), $"the follower took over {takeover} after the leader was killed (lease {Lease})");

        // The new leader finishes the rollout the dead one started.
        await engine.WaitUntilAsync(running => running.Count == Replicas && running.All(c => c.Image == "orchestration/busybox:2"));
        await WaitReadyAsync(b);
        await sampling.CancelAsync();
        await sampler;
        Assert.Empty(violations);
        Assert.Equal(history, await b.AskAsync("history", "history"));

        // A late write of the deposed leader (term 1, a second container for a replica, created after term 2 began)
        // is undone: removed, and the replicas keep their containers.
        var kept = (await engine.ContainersAsync(runningOnly: true)).Select(c => c.ID).Order(StringComparer.Ordinal).ToList();
        var late = await CreateLateWriteAsync(engine, fleet);
        await engine.WaitUntilAsync(all => all.All(c => c.ID != late), 30, runningOnly: false);
        Assert.Equal(kept, (await engine.ContainersAsync(runningOnly: true)).Select(c => c.ID).Order(StringComparer.Ordinal));

        // Rollback to the revision from before the failover.
        Assert.Equal("rolledback", await b.AskAsync("rollback 1", "rolledback"));
        await engine.WaitUntilAsync(running => running.Count == Replicas && running.All(c => c.Image == "orchestration/busybox:1"));
        var after = await b.AskAsync("history", "history");
        Assert.Equal(history.Split(' ')[1].Split(',').Order(StringComparer.Ordinal), after.Split(' ')[1].Split(',').Order(StringComparer.Ordinal));

        // A graceful stop hands over in under a second.
        using var c = LeaderHostProcess.Start(AppPath, fleet, LeaseServers.Redis, Lease, RenewDeadline, Retry);
        await c.WaitForAsync("follower");
        await c.WaitForAsync("started");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a follower past its start-up, waiting on the lease
        var stoppedAt = LeaderHostProcess.Clock.Elapsed;
        await b.SendAsync("quit");
        var (third, handedAt) = await c.WaitForAsync("leader", 30);
        Assert.True(long.Parse(third.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) > termOfB, third);
        var handoff = handedAt - stoppedAt;
        Assert.True(handoff < TimeSpan.FromSeconds(1), $"the graceful hand-off took {handoff}");
        await b.WaitForAsync("stopped");
    }

    private static string Term((string Line, TimeSpan At) leader) => string.Join(' ', leader.Line.Split(' ')[..2]);

    private static async Task WaitReadyAsync(LeaderHostProcess host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        string status;
        do
        {
            status = await host.AskAsync("status", "status");
            if (status == $"status {Replicas}")
            {
                return;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"web did not become ready: {status}");
    }

    /// <summary>At every sample: no more running containers than replicas + maxSurge, and no replica with two.</summary>
    private static async Task SampleAsync(FleetOnEngine engine, List<string> violations, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var running = await engine.ContainersAsync(runningOnly: true);
            if (running.Count > Replicas + MaxSurge)
            {
                violations.Add($"{running.Count} running: {string.Join(", ", running.Select(c => c.Names[0]))}");
            }

            foreach (var replica in running.GroupBy(c => c.Labels[OrchestrationLabels.Replica]).Where(g => g.Count() > 1))
            {
                violations.Add($"replica {replica.Key} has {replica.Count()} running containers");
            }

            try
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<string> CreateLateWriteAsync(FleetOnEngine engine, string fleet)
    {
        var model = (await engine.ContainersAsync(runningOnly: true))[0];
        var labels = new Dictionary<string, string>(model.Labels)
        {
            [OrchestrationLabels.Attempt] = "99",
            [OrchestrationLabels.Term] = "1",
        };
        var created = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"{fleet}-web-{labels[OrchestrationLabels.Replica]}-99",
            Image = model.Image,
            Labels = labels,
        });
        try
        {
            await engine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        }
        catch (Docker.DotNet.DockerApiException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.NotFound)
        {
            // Already being removed by the new leader.
        }

        return created.ID;
    }
}
