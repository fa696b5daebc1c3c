using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Diagnostics;

namespace Orchestration.Tests.Diagnostics;

public sealed class MetricsRegistrationTests
{
    private static readonly string[] Instruments =
    [
        "orchestration.autoscaler.decisions",
        "orchestration.autoscaler.desired_replicas",
        "orchestration.autoscaler.recommended_replicas",
        "orchestration.node.count",
        "orchestration.reconcile.duration",
        "orchestration.replica.exits",
        "orchestration.replica.placements",
        "orchestration.replica.restarts",
        "orchestration.replica.starts",
        "orchestration.rollout.outcomes",
        "orchestration.rollout.starts",
        "orchestration.workload.replica.desired",
        "orchestration.workload.replica.ready",
    ];

    [Fact]
    public async Task The_hosts_meter_factory_creates_the_meter_when_the_orchestrator_starts_and_disposes_it_with_the_host()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        builder.Services.AddOrchestration(o => o.FleetName = "shop").UseInMemoryRuntime(n => n.AddNodes(1));
        builder.Services.AddOrchestration();
        Assert.Single(builder.Services, d => d.ServiceType == typeof(FleetMetrics));
        var host = builder.Build();
        using var metrics = MetricRecorder.For(host.Services.GetRequiredService<IMeterFactory>());
        Assert.Empty(metrics.Published);

        await host.StartAsync();
        Assert.Equal(Instruments, metrics.Published.Order(StringComparer.Ordinal));
        Assert.Same(host.Services.GetRequiredService<IMeterFactory>(), host.Services.GetRequiredService<FleetMetrics>().Meter.Scope);

        await host.StopAsync();
        host.Dispose();
        Assert.Equal(Instruments, metrics.Completed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_a_meter_factory_the_meter_is_created_by_name_and_disposed_with_the_container()
    {
        var provider = new ServiceCollection().AddLogging().AddOrchestration().Services.BuildServiceProvider();
        var meter = provider.GetRequiredService<FleetMetrics>().Meter;
        Assert.Equal(OrchestrationMetrics.MeterName, meter.Name);
        Assert.Null(meter.Scope);
        using var metrics = new MetricRecorder(i => ReferenceEquals(i.Meter, meter));
        // The autoscaler's instruments come with the autoscaler, which only a started host runs.
        var fleetInstruments = Instruments.Where(i => !i.StartsWith("orchestration.autoscaler.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(fleetInstruments, metrics.Published.Order(StringComparer.Ordinal));

        await provider.DisposeAsync();

        Assert.Equal(fleetInstruments, metrics.Completed.Order(StringComparer.Ordinal));
    }
}
