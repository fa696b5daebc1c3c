using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Events;

namespace Orchestration.Tests.DependencyInjection;

public class AddOrchestrationTests
{
    [Fact]
    public void Calling_it_twice_registers_each_service_once()
    {
        var services = new ServiceCollection();
        services.AddOrchestration(o => o.FleetName = "shop");
        services.AddOrchestration();

        Assert.Single(services, d => d.ServiceType == typeof(IOrchestrator));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Namespace == "Orchestration.Hosting");
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<OrchestrationOptions>));
        using var provider = services.AddLogging().BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<IOrchestrator>(), provider.GetRequiredService<IOrchestrator>());
        Assert.Equal("shop", provider.GetRequiredService<IOrchestrator>().FleetName);
    }

    [Fact]
    public async Task Invalid_options_fail_the_host_at_start_naming_option_and_value()
    {
        using var host = Host(o =>
        {
            o.FleetName = "Not A Label";
            o.Workers = 0;
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("OrchestrationOptions.FleetName: 'Not A Label'", error.Message);
        Assert.Contains("OrchestrationOptions.Workers: '0'", error.Message);
    }

    [Fact]
    public async Task An_invalid_registered_workload_fails_the_host_at_start_with_every_problem()
    {
        using var host = Host(
            o => o.FleetName = "shop",
            b => b.AddWorkload("api", w => w.Image("api:1").Replicas(-2).Requests(cpu: "lots")));

        var error = await Assert.ThrowsAsync<SpecValidationException>(() => host.StartAsync());

        Assert.Equal(["workloads[\"api\"].resources.cpuRequest", "workloads[\"api\"].replicas"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public async Task Registered_workloads_become_the_desired_state_at_start()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var host = Host(
            o => o.FleetName = "shop",
            b => b.AddWorkload("web", w => w.Image("busybox").Replicas(2)).AddWorkload(new WorkloadSpec { Name = "cache", Image = "redis:7" }),
            time);
        var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
        var events = new System.Collections.Concurrent.ConcurrentQueue<OrchestrationEvent>();
        using var subscription = orchestrator.Events.Subscribe(events.Enqueue);

        await host.StartAsync();
        try
        {
            Assert.Equal(["web", "cache"], orchestrator.DesiredState!.Workloads.Select(w => w.Name));
            var applied = Assert.IsType<FleetApplied>(Assert.Single(events.ToArray(), e => e is FleetApplied));
            Assert.Equal(time.GetUtcNow(), applied.Time);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task An_invalid_apply_leaves_the_previous_desired_state_untouched()
    {
        using var host = Host(o => o.FleetName = "shop", b => b.AddWorkload("web", w => w.Image("busybox").Replicas(2)));
        await host.StartAsync();
        try
        {
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
            var before = orchestrator.DesiredState;
            var invalid = new FleetSpec
            {
                Name = "shop",
                Workloads = [new WorkloadSpec { Name = "web", Image = "busybox:2", Replicas = 3 }, new WorkloadSpec { Name = "db", Image = "NOT VALID" }],
            };

            var error = await Assert.ThrowsAsync<SpecValidationException>(() => orchestrator.ApplyAsync(invalid));

            Assert.Equal("workloads[\"db\"].image", Assert.Single(error.Problems).Path);
            Assert.Same(before, orchestrator.DesiredState);
            Assert.Equal(2, orchestrator.DesiredState!.Workloads.Single().Replicas);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_fleet_of_another_name_is_refused()
    {
        using var host = Host(o => o.FleetName = "shop");
        await host.StartAsync();
        try
        {
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
            var error = await Assert.ThrowsAsync<SpecValidationException>(() => orchestrator.ApplyAsync(new FleetSpec { Name = "other" }));
            Assert.Equal(("name", "other"), (error.Problems[0].Path, error.Problems[0].Value));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static IHost Host(Action<OrchestrationOptions> configure, Action<IOrchestrationBuilder>? workloads = null, TimeProvider? time = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        var orchestration = builder.Services.AddOrchestration(configure).UseInMemoryRuntime();
        workloads?.Invoke(orchestration);
        return builder.Build();
    }
}
