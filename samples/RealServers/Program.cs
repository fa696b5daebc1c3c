// RealServers: redis and nginx from Debian packages, in an image built locally by eng/server-images.sh.
// The cache (redis) starts first; the web tier (nginx ×2) waits until the cache passes its readiness probe. The
// fleet is declared in RealServersFleet.cs (`dotnet run -- kubernetes` prints it as Kubernetes manifests). The
// program reads and writes redis through its published port, reaches it from a web replica by its workload name,
// hits every nginx replica, scales the web tier from 2 to 4, scales down gracefully and tears the fleet down.
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration;
using Orchestration.Events;
using Orchestration.Kubernetes;
using Orchestration.RealServers;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;

var fleet = RealServersFleet.Build();
if (KubernetesCommandLine.TryRun(args, fleet, out var exitCode))
{
    return exitCode; // dotnet run -- kubernetes: the same fleet as Kubernetes manifests
}

const string Image = RealServersFleet.Image;
var timeout = TimeSpan.FromMinutes(2);
var clock = Stopwatch.StartNew();

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var orchestration = builder.Services.AddOrchestration(o => o.FleetName = fleet.Name).UseDocker();
foreach (var workload in fleet.Workloads)
{
    orchestration.AddWorkload(workload);
}

using var host = builder.Build();

var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
using var imageMissing = new CancellationTokenSource();
using var log = orchestrator.Events
    .Subscribe(e =>
    {
        if (e.IsWarning || e is ReplicaStarted or ProbePassed or ReplicaExited or ReplicaRemoved or WorkloadScaled or FleetDeleted)
        {
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.00}s  {e.Message}");
        }

        if (e.IsWarning && e.Message.Contains(Image, StringComparison.Ordinal))
        {
            imageMissing.Cancel();
        }
    });

Console.WriteLine("Starting the fleet: cache (redis), then web (nginx ×2) once the cache is ready…");
clock.Restart(); // event times and "ready in" count from the host's start
await host.StartAsync();
FleetStatus status;
try
{
    status = await orchestrator.WaitForAsync(AllReady, timeout, imageMissing.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine($"The image {Image} is not on this engine. Build it first: bash eng/server-images.sh");
    await orchestrator.DeleteFleetAsync();
    await host.StopAsync();
    return 1;
}

Console.WriteLine($"Fleet ready in {clock.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine();
Console.Write(status.ToReplicaTable());

// The cache through its published port, speaking RESP over a plain socket.
var redis = orchestrator.GetEndpoints("cache", "redis").Single().Address;
await using (var client = await RespClient.ConnectAsync(redis.Host, redis.Port, CancellationToken.None))
{
    Console.WriteLine($"\nredis at {redis}:");
    Console.WriteLine($"  SET greeting -> {await client.SendAsync(CancellationToken.None, "SET", "greeting", "hello from the host")}");
    Console.WriteLine($"  GET greeting -> {await client.SendAsync(CancellationToken.None, "GET", "greeting")}");
    Console.WriteLine($"  INCR visits  -> {await client.SendAsync(CancellationToken.None, "INCR", "visits")}");
}

// The cache from inside a web replica, by its workload name: the dependency injected CACHE_HOST and CACHE_PORT_REDIS.
var runtime = host.Services.GetServices<IContainerRuntime>().First();
var replica = status["web"]!.Replicas[0];
var exec = await runtime.ExecAsync(
    new ContainerRef(replica.Node!, replica.ContainerId!),
    ["sh", "-c", "echo \"$CACHE_HOST:$CACHE_PORT_REDIS $(redis-cli -h \"$CACHE_HOST\" -p \"$CACHE_PORT_REDIS\" GET greeting)\""],
    TimeSpan.FromSeconds(5),
    CancellationToken.None);
Console.WriteLine($"  from web replica {replica.Id}: GET greeting at {exec.Output.Trim()}");

using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
await HitWebAsync();

Console.WriteLine("\nScaling web from 2 to 4…");
var scaling = Stopwatch.StartNew();
await orchestrator.ScaleAsync("web", 4);
status = await orchestrator.WaitForAsync(s => s["web"]!.Ready == 4 && AllReady(s), timeout);
Console.WriteLine($"web has 4 ready replicas after {scaling.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine();
Console.Write(status.ToReplicaTable());
await HitWebAsync();

// Scaling down stops replicas gracefully: SIGTERM, then a kill once the 5 s grace period is over. nginx and redis exit
// on SIGTERM at once, so this takes well under the grace period per replica.
Console.WriteLine("\nScaling web to 1 and cache to 0: the retired replicas get SIGTERM and a 5 s grace period…");
var stopping = Stopwatch.StartNew();
await orchestrator.ScaleAsync("web", 1);
await orchestrator.ScaleAsync("cache", 0);
await orchestrator.WaitForAsync(s => s["web"]!.Replicas.Length == 1 && s["cache"]!.Replicas.Length == 0, timeout);
Console.WriteLine($"4 replicas stopped in {stopping.Elapsed.TotalSeconds:0.0} s");

Console.WriteLine("\nTearing down…");
var teardown = Stopwatch.StartNew();
await orchestrator.DeleteFleetAsync();
await host.StopAsync();
Console.WriteLine($"Done in {teardown.Elapsed.TotalSeconds:0.0} s: no container or network of the fleet is left.");
return 0;

async Task HitWebAsync()
{
    Console.WriteLine();
    foreach (var endpoint in orchestrator.GetEndpoints("web", "http"))
    {
        var whoami = (await http.GetStringAsync(new Uri(endpoint.ToUri(), "/whoami"))).Trim();
        var index = await http.GetAsync(endpoint.ToUri());
        Console.WriteLine($"GET {endpoint.ToUri()}whoami -> {whoami,-14} GET / -> {(int)index.StatusCode} {index.Content.Headers.ContentType?.MediaType} (server {index.Headers.Server})");
    }
}

static bool AllReady(FleetStatus status)
    => status.Workloads.Length > 0 && status.Workloads.All(w => w.Ready == w.Desired && w.Replicas.Length == w.Desired);
