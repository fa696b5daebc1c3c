using Orchestration.Runtime;
using Orchestration.Runtime.Docker;
using Orchestration.Runtime.Docker.Client;
using Orchestration.TestSupport;
using Orchestration.Testing.Sessions;
using Orchestration.Testing.Tests.Infrastructure;
using Orchestration.Testing.Watchdog;
using Xunit.Abstractions;

namespace Orchestration.Testing.Tests.Sessions;

/// <summary>The watchdog on its own: what it removes when its input ends, what it keeps on "exit", and the sweep of dead
/// sessions that each engine registration runs.</summary>
[Collection(EngineCollection.Name)]
public sealed class WatchdogTests(EngineFixture engine, ITestOutputHelper output)
{
    /// <summary>The engine the harness uses by default, resolved as the Docker runtime resolves a node's engine.</summary>
    private static EngineEndpoint DefaultEngine => EngineEndpoint.Resolve(new DockerNodeOptions());

    [Fact]
    public async Task When_its_input_ends_it_removes_every_container_and_network_of_its_session()
    {
        var session = FakeSession();
        var watchdog = WatchdogProcess.Start(session);
        await watchdog.WatchEngineAsync(DefaultEngine, TimeSpan.FromSeconds(30), CancellationToken.None);
        var label = $"{SessionLabel.Key}={session}";
        await engine.RunLabelledAsync(Labels(session));
        await engine.RunLabelledAsync(Labels(session));
        await engine.Engine.Networks.CreateNetworkAsync(new() { Name = $"wd-{Guid.NewGuid():n}"[..20], Labels = Labels(session) });
        Assert.Equal(3, (await engine.LabelledAsync(label)).Count);

        watchdog.CloseInput();

        var took = await Eventually.HoldsAsync(async () => (await engine.LabelledAsync(label)).Count == 0, TimeSpan.FromSeconds(30), async () => string.Join(", ", await engine.LabelledAsync(label)));
        output.WriteLine($"removed {took.TotalSeconds:0.0} s after stdin closed");
        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await watchdog.WaitForExitAsync(exited.Token);
    }

    [Fact]
    public async Task Told_to_exit_it_leaves_the_session_alone()
    {
        var session = FakeSession();
        var label = $"{SessionLabel.Key}={session}";
        try
        {
            var watchdog = WatchdogProcess.Start(session);
            await watchdog.WatchEngineAsync(DefaultEngine, TimeSpan.FromSeconds(30), CancellationToken.None);
            await engine.RunLabelledAsync(Labels(session));

            await watchdog.DisposeAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));

            Assert.Single(await engine.LabelledAsync(label));
        }
        finally
        {
            await engine.RemoveLabelledAsync(label);
        }
    }

    [Fact]
    public async Task Registering_an_engine_sweeps_dead_sessions_of_this_machine_only()
    {
        var dead = new SessionLabel(Environment.MachineName, DeadProcessId(), 1);
        var foreign = new SessionLabel($"other-{Guid.NewGuid():n}", 1, 1);
        var alive = FakeSession();
        try
        {
            await engine.RunLabelledAsync(Labels(dead));
            await engine.RunLabelledAsync(Labels(foreign));
            await engine.RunLabelledAsync(Labels(alive));
            var watchdog = await WatchdogProcess.GetAsync(CancellationToken.None);

            await watchdog.WatchEngineAsync(DefaultEngine, TimeSpan.FromSeconds(30), CancellationToken.None);

            Assert.Empty(await engine.LabelledAsync($"{SessionLabel.Key}={dead}"));
            Assert.Single(await engine.LabelledAsync($"{SessionLabel.Key}={foreign}"));
            Assert.Single(await engine.LabelledAsync($"{SessionLabel.Key}={alive}"));
        }
        finally
        {
            await engine.RemoveLabelledAsync($"{SessionLabel.Key}={dead}");
            await engine.RemoveLabelledAsync($"{SessionLabel.Key}={foreign}");
            await engine.RemoveLabelledAsync($"{SessionLabel.Key}={alive}");
        }
    }

    /// <summary>A session of this live process under a host name no other test uses, so only its own watchdog acts on it.</summary>
    private static SessionLabel FakeSession() => SessionLabel.Current with { Host = $"wd-{Guid.NewGuid():n}"[..16] };

    private static Dictionary<string, string> Labels(SessionLabel session)
        => new() { [SessionLabel.Key] = session.ToString(), [OrchestrationLabels.Fleet] = "watchdog-tests" };

    private static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", "-c true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
