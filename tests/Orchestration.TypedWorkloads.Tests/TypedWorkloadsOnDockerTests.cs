using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.Runtime;
using Orchestration.TypedWorkloads.Tests.Workloads;

namespace Orchestration.TypedWorkloads.Tests;

/// <summary>The three typed workloads on the real Docker engine (started by eng/engine.sh, images by eng/images.sh).
/// A missing engine fails the test when the host starts; it is never skipped.</summary>
public sealed class TypedWorkloadsOnDockerTests
{
    [Fact]
    public async Task Typed_workloads_run_on_the_docker_engine_and_reach_their_dependency_by_its_injected_address()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<ISecretResolver>(new FixedSecrets());
        builder.Services.AddOrchestration(o => o.FleetName = "typed-" + Guid.NewGuid().ToString("n")[..8])
            .UseDocker()
            .AddWorkload<Store>()
            .AddWorkload<Cache>()
            .AddWorkload<Web>();
        using var host = builder.Build();
        var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await host.StartAsync(timeout.Token);
        try
        {
            var status = await orchestrator.WaitForAsync(
                s => s[Store.WorkloadName]?.Ready == 1 && s[Cache.WorkloadName]?.Ready == 2 && s[Web.WorkloadName]?.Ready == 3,
                TimeSpan.FromSeconds(90),
                timeout.Token);

            var web = status[Web.WorkloadName]!.Replicas[0];
            var runtime = host.Services.GetServices<IContainerRuntime>().Single();
            var fetch = await runtime.ExecAsync(
                new ContainerRef(web.Node!, web.ContainerId!),
                ["sh", "-c", $"timeout 5 wget -qO- http://${Store.EndpointVariables.Host}:${Store.EndpointVariables.PortHttp}/"],
                TimeSpan.FromSeconds(10),
                timeout.Token);
            Assert.Equal((0, "ok"), (fetch.ExitCode, fetch.Output.Trim()));

            using var http = new HttpClient();
            foreach (var endpoint in orchestrator.GetEndpoints(Web.WorkloadName, Web.Ports.Http))
            {
                Assert.Equal("ok", (await http.GetStringAsync(endpoint.ToUri(), timeout.Token)).Trim());
            }
        }
        finally
        {
            await orchestrator.DeleteFleetAsync(CancellationToken.None);
            await host.StopAsync(CancellationToken.None);
        }
    }

    private sealed class FixedSecrets : ISecretResolver
    {
        public ValueTask<string> ResolveAsync(string name, CancellationToken cancellationToken) => ValueTask.FromResult("secret-of-" + name);
    }
}
