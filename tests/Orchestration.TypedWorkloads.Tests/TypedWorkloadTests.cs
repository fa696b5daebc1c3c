using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.TypedWorkloads.Tests.Workloads;

namespace Orchestration.TypedWorkloads.Tests;

/// <summary>Three typed workloads, one depending on another, compiled by the generator running as an analyzer.</summary>
public sealed class TypedWorkloadTests
{
    [Fact]
    public void Fleet_of_typed_workloads_builds_and_validates()
    {
        var fleet = new FleetBuilder("shop")
            .AddWorkload<Store>()
            .AddWorkload<Cache>()
            .AddWorkload<Web>()
            .Build();

        Assert.Equal(["store", "cache", "web"], fleet.Workloads.Select(w => w.Name));
        Assert.Empty(fleet.Validate());
    }

    [Fact]
    public void Specs_carry_the_declared_values()
    {
        var store = Store.Spec;
        Assert.Equal((TestImages.Busybox, 1), (store.Image, store.Replicas));
        Assert.Equal<PortSpec>([new PortSpec("http", 8080)], store.Ports);
        Assert.Equal<SecretReference>([new SecretReference("STORE_PASSWORD", "store-password")], store.Secrets);
        Assert.Equal((100L, 64L << 20), (store.Resources.CpuRequestMillicores, store.Resources.MemoryRequestBytes));
        Assert.Equal(UpdateKind.Recreate, store.Update.Kind);

        var cache = Cache.Spec;
        Assert.Equal(2, cache.Replicas);
        Assert.Equal((ProbeKind.Tcp, "http"), (cache.Probes.Readiness!.Kind, cache.Probes.Readiness.Port));
        Assert.Equal<string>(["cache"], cache.Placement.PreferredAntiAffinity);
        Assert.Equal(64L << 20, cache.Resources.MemoryLimitBytes);

        var web = Web.Spec;
        Assert.Equal(3, web.Replicas);
        Assert.Equal(("/", "http"), (web.Probes.Readiness!.Path, web.Probes.Readiness.Port));
        Assert.Equal(TimeSpan.FromSeconds(5), web.Probes.Liveness!.Period);
        Assert.Equal((IntOrPercent.FromCount(1), IntOrPercent.FromCount(0)), (web.Update.MaxSurge, web.Update.MaxUnavailable));
        Assert.Equal("web", web.Labels["tier"]);
    }

    [Fact]
    public void Dependant_finds_its_dependency_in_its_environment()
    {
        var web = Web.Spec;

        Assert.Equal<DependencySpec>([new DependencySpec(Store.WorkloadName)], web.Dependencies);
        Assert.Equal("store", web.Environment[Store.EndpointVariables.Host]);
        Assert.Equal("8080", web.Environment[Store.EndpointVariables.PortHttp]);
        Assert.Equal(("STORE_HOST", "STORE_PORT_HTTP"), (Store.EndpointVariables.Host, Store.EndpointVariables.PortHttp));
        Assert.Equal("hello", web.Environment["GREETING"]);
        Assert.Equal("configure", web.Environment["STARTED_AT_BUILD"]);
    }

    [Fact]
    public void Generated_constants_name_workloads_and_ports()
    {
        Assert.Equal(("store", "cache", "web"), (Store.WorkloadName, Cache.WorkloadName, Web.WorkloadName));
        Assert.Equal("http", Web.Ports.Http);
        Assert.Same(Web.Spec, Web.Spec);
    }

    [Fact]
    public void Typed_workloads_register_with_dependency_injection()
    {
        var services = new ServiceCollection();
        services.AddOrchestration(o => o.FleetName = "shop")
            .AddWorkload<Store>()
            .AddWorkload<Cache>()
            .AddWorkload<Web>();

        Assert.Equal(3, services.Count(d => d.ServiceType.Name == "WorkloadRegistration"));
    }

    [Fact]
    public async Task Typed_workloads_run_on_the_in_memory_runtime()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<ISecretResolver>(new FixedSecrets());
        builder.Services.AddOrchestration(o => o.FleetName = "shop")
            .UseInMemoryRuntime(o => o.AddNode("n1").AddNode("n2"))
            .AddWorkload<Store>()
            .AddWorkload<Cache>()
            .AddWorkload<Web>();
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        try
        {
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();

            var status = await orchestrator.WaitForAsync(
                s => s[Store.WorkloadName]?.Ready == 1 && s[Cache.WorkloadName]?.Ready == 2 && s[Web.WorkloadName]?.Ready == 3,
                TimeSpan.FromSeconds(30),
                timeout.Token);

            Assert.Equal(3, status.Workloads.Length);
            Assert.Equal(Web.Spec, orchestrator.DesiredState!.Find(Web.WorkloadName));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private sealed class FixedSecrets : ISecretResolver
    {
        public ValueTask<string> ResolveAsync(string name, CancellationToken cancellationToken) => ValueTask.FromResult("secret-of-" + name);
    }
}
