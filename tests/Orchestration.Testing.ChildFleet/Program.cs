using Docker.DotNet.Models;
using Orchestration;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;
using Orchestration.Runtime.Docker.Client;
using Orchestration.Testing;
using Orchestration.Testing.Sessions;
using Orchestration.Testing.Watchdog;

// Usage: ChildFleet fleet|raw <image>, or ChildFleet reuse <image> <key> <idle seconds>
//   reuse: starts a kept fleet of 3 web replicas under <key> and prints
//          "started <fleet> <session> <watchdog pid> <reused> <ready replicas> <container ids, sorted, comma-separated>".
//   fleet: starts a TestFleet of 3 containers (web x2, worker x1) and prints "started <fleet> <session> <watchdog pid>".
//   raw:   starts the watchdog, creates a network and 3 containers carrying the session label directly, and prints the
//          same line (fleet "-"). Either way it then waits to be killed.
var mode = args.ElementAtOrDefault(0) ?? "fleet";
var image = args.ElementAtOrDefault(1) ?? "orchestration/busybox:1";
var session = SessionLabel.Current;
if (mode == "reuse")
{
    var fleet = await TestFleet.StartAsync(
        b => b.AddWorkload("web", w => w.Image(image).PullPolicy(PullPolicy.Never).Replicas(3).Port("http", 8080).Readiness(Probe.Http("/"))),
        new TestFleetOptions { ReuseKey = args[2], ReuseIdleTimeout = TimeSpan.FromSeconds(double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture)) });
    var web = fleet.Orchestrator.GetStatus()["web"]!;
    var ids = string.Join(',', web.Replicas.Select(r => r.ContainerId).Order(StringComparer.Ordinal));
    Console.WriteLine($"started {fleet.Name} {fleet.Session} {WatchdogProcess.Current?.ProcessId} {fleet.Reused} {web.Ready} {ids}");
}
else if (mode == "fleet")
{
    var fleet = await TestFleet.StartAsync(b => b
        .AddWorkload("web", w => w.Image(image).PullPolicy(PullPolicy.Never).Replicas(2).Port("http", 8080))
        .AddWorkload("worker", w => w.Image(image).PullPolicy(PullPolicy.Never).Port("http", 8080)));
    Console.WriteLine($"started {fleet.Name} {fleet.Session} {WatchdogProcess.Current?.ProcessId}");
}
else
{
    var endpoint = EngineEndpoint.Resolve(new DockerNodeOptions());
    var watchdog = await WatchdogProcess.GetAsync(CancellationToken.None);
    await watchdog.WatchEngineAsync(endpoint, TimeSpan.FromSeconds(30), CancellationToken.None);
    using var engine = await DockerClientFactory.ConnectAsync("child", endpoint, CancellationToken.None);
    var labels = new Dictionary<string, string> { [SessionLabel.Key] = session.ToString(), [OrchestrationLabels.Fleet] = $"raw-{Environment.ProcessId}" };
    var network = await engine.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = $"raw-{Environment.ProcessId}", Labels = labels });
    await Task.WhenAll(Enumerable.Range(0, 3).Select(async i =>
    {
        var created = await engine.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Labels = labels,
            HostConfig = new HostConfig { NetworkMode = $"raw-{Environment.ProcessId}" },
        });
        await engine.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
    }));
    Console.WriteLine($"started - {session} {watchdog.ProcessId}");
}

await Task.Delay(Timeout.Infinite);
