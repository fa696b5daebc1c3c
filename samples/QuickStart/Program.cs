// QuickStart: a web workload of three replicas and a cache on the local Docker engine.
// The fleet is declared in QuickStartFleet.cs; `dotnet run -- kubernetes` prints it as Kubernetes manifests instead.
// It builds its demo image, waits for the fleet, kills a replica to show it coming back, scales, and tears down.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration;
using Orchestration.Events;
using Orchestration.Kubernetes;
using Orchestration.QuickStart;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;

var fleet = QuickStartFleet.Build();
if (KubernetesCommandLine.TryRun(args, fleet, out var exitCode))
{
    return exitCode; // dotnet run -- kubernetes: the same fleet as Kubernetes manifests
}

const string WebImage = QuickStartFleet.WebImage;
var timeout = TimeSpan.FromMinutes(2);

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var orchestration = builder.Services.AddOrchestration(o => o.FleetName = fleet.Name).UseDocker();
foreach (var workload in fleet.Workloads)
{
    orchestration.AddWorkload(workload);
}

using var host = builder.Build();

Console.WriteLine("Building the demo image…");
var images = host.Services.GetRequiredService<DockerImages>();
await images.BuildAsync(Path.Combine(AppContext.BaseDirectory, "web"), WebImage);

var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
using var log = orchestrator.Events.Subscribe(e => Console.WriteLine($"  event  {e.Message}"));

await host.StartAsync();
var status = await orchestrator.WaitForAsync(s => StatusTable.AllReady(s), timeout);
StatusTable.Print(status);

var web = orchestrator.GetEndpoints("web", "http");
using (var http = new HttpClient())
{
    foreach (var endpoint in web)
    {
        var body = await http.GetStringAsync(endpoint.ToUri());
        Console.WriteLine($"GET {endpoint.ToUri()} -> {body.Trim()}");
    }
}

var victim = status["web"]!.Replicas[0];
Console.WriteLine($"\nKilling the web server of replica {victim.Id} with SIGKILL…");
var runtime = host.Services.GetServices<IContainerRuntime>().First();
await runtime.ExecAsync(new ContainerRef(victim.Node!, victim.ContainerId!), ["sh", "-c", "kill -9 $(pidof httpd)"], TimeSpan.FromSeconds(5), CancellationToken.None);
status = await orchestrator.WaitForAsync(
    s => StatusTable.AllReady(s) && s["web"]!.Replicas.All(r => r.ContainerId != victim.ContainerId),
    timeout);
StatusTable.Print(status);

Console.WriteLine("\nScaling web to 5…");
await orchestrator.ScaleAsync("web", 5);
StatusTable.Print(await orchestrator.WaitForAsync(s => s["web"]!.Ready == 5 && StatusTable.AllReady(s), timeout));

Console.WriteLine("\nScaling web to 1…");
await orchestrator.ScaleAsync("web", 1);
StatusTable.Print(await orchestrator.WaitForAsync(s => s["web"]!.Replicas.Length == 1 && StatusTable.AllReady(s), timeout));

Console.WriteLine("\nTearing down…");
await orchestrator.DeleteFleetAsync();
await host.StopAsync();
Console.WriteLine("Done: no container or network of the fleet is left.");
return 0;
