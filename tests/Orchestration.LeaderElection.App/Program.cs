using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration;
using Orchestration.LeaderElection;

// Usage: Orchestration.LeaderElection.App <fleet> <redis> <lease ms> <renew deadline ms> <retry ms>
// Orchestrates fleet <fleet> (web: 3 replicas of orchestration/busybox:1, rolling update one at a time) with leader
// election on Redis. Prints "leader <term> <identity>" / "follower <leader or -> <reason>" as leadership changes and
// "undone <container id>" for each late write it removes. Commands on standard input, one a line:
//   update <image>   applies the fleet with web's image changed; prints "updated"
//   status           prints "status <ready replicas of web>"
//   history          prints "history <number>=<revision>,…" of web
//   rollback <n>     rolls web back to revision <n>; prints "rolledback" (or "error <message>")
//   quit             stops the host gracefully (the lease is released) and exits
var (fleet, redis) = (args[0], args[1]);
var timings = args[2..5].Select(a => TimeSpan.FromMilliseconds(double.Parse(a, CultureInfo.InvariantCulture))).ToArray();
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddOrchestration(o => o.FleetName = fleet)
    .UseDocker()
    .AddWorkload("web", w => w
        .Image("orchestration/busybox:1")
        .PullPolicy(PullPolicy.Never)
        .Replicas(3)
        .Port("http", 8080)
        .Readiness(Probe.Http("/") with { InitialDelay = TimeSpan.FromSeconds(1), Period = TimeSpan.FromMilliseconds(500) })
        .RollingUpdate(maxSurge: IntOrPercent.FromCount(1), maxUnavailable: IntOrPercent.FromCount(0), minReadyTime: TimeSpan.FromSeconds(1))
        .StopGracePeriod(TimeSpan.FromSeconds(1)))
    .UseRedisLeaderElection(redis, o =>
    {
        o.LeaseDuration = timings[0];
        o.RenewDeadline = timings[1];
        o.RetryPeriod = timings[2];
    });

using var host = builder.Build();
var output = new object();
void Say(string line)
{
    lock (output)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
}

var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
using var events = orchestrator.Events.Subscribe(e =>
{
    Console.Error.WriteLine($"{e.Time:HH:mm:ss.fff} {e.Message}");
    switch (e)
    {
        case LeadershipChanged { IsLeader: true, Leader: { } leader }:
            Say($"leader {leader.Term} {leader.Identity}");
            break;
        case LeadershipChanged changed:
            Say($"follower {changed.Leader?.Identity ?? "-"} {changed.Reason}");
            break;
        case LateWriteUndone undone:
            Say($"undone {undone.ContainerId}");
            break;
    }
});
await host.StartAsync();
Say("started");

while (Console.In.ReadLine() is { } command)
{
    var parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    try
    {
        switch (parts)
        {
            case ["update", var image]:
                var current = orchestrator.DesiredState!;
                var web = current.Find("web")!;
                await orchestrator.ApplyAsync(current with { Workloads = current.Workloads.Replace(web, web with { Image = image }) });
                Say("updated");
                break;
            case ["status"]:
                Say($"status {orchestrator.GetStatus()["web"]?.Ready ?? 0}");
                break;
            case ["history"]:
                Say("history " + string.Join(',', orchestrator.GetRevisionHistory("web").Select(r => $"{r.Number}={r.Revision}")));
                break;
            case ["rollback", var number]:
                await orchestrator.RollbackAsync("web", number);
                Say("rolledback");
                break;
            case ["quit"]:
                await host.StopAsync();
                Say("stopped");
                return;
        }
    }
    catch (Exception ex)
    {
        Say($"error {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
    }
}
