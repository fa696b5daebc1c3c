using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration;
using Orchestration.Swarm.Tests;

// usage: Orchestration.Swarm.App <fleet> <manager endpoint>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Orchestration.Swarm.App <fleet> <manager endpoint>");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddSingleton<ISecretResolver>(new TestSecrets());
builder.Services.AddOrchestration(o => o.FleetName = args[0])
    .UseDockerSwarm(o =>
    {
        o.Manager = args[1];
        o.StatusInterval = TimeSpan.FromMilliseconds(500);
        TestSecrets.Configure(o);
    })
    .AddWorkload<Store>()
    .AddWorkload<Web>();
using var host = builder.Build();
await host.StartAsync();
var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
await orchestrator.WaitForAsync(s => s["store"]?.Ready == 1 && s["web"]?.Ready == 3, TimeSpan.FromMinutes(2));
Console.WriteLine("ready");
await Task.Delay(Timeout.Infinite);
return 0;
