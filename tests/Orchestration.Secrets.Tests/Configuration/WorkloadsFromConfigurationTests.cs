using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.TestSupport;

namespace Orchestration.Secrets.Tests.Configuration;

public sealed class WorkloadsFromConfigurationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("orchestration-config-").FullName;

    public WorkloadsFromConfigurationTests()
    {
        Write("appsettings.json", """{ "Orchestration": { "Workloads": { "web": { "Replicas": 2, "Environment": { "MODE": "base" } } } } }""");
        Write("appsettings.Development.json", """{ "Orchestration": { "Workloads": { "web": { "Replicas": 3 } } } }""");
        Write("appsettings.Production.json", """{ "Orchestration": { "Workloads": { "web": { "Replicas": 5, "Tag": "2", "Probes": { "Readiness": { "PeriodSeconds": 4 } } } } } }""");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("Development", 3, "orchestration/busybox:1")]
    [InlineData("Production", 5, "orchestration/busybox:2")]
    public async Task The_environments_appsettings_set_the_replicas_and_image_tag_of_a_typed_workload(string environment, int replicas, string image)
    {
        using var host = Build(environment);
        await host.StartAsync();
        var web = host.Services.GetRequiredService<IOrchestrator>().DesiredState!.Find("web")!;

        Assert.Equal(replicas, web.Replicas);
        Assert.Equal(image, web.Image);
        Assert.Equal("base", web.Environment["MODE"]);
        Assert.Equal(environment == "Production" ? TimeSpan.FromSeconds(4) : TimeSpan.FromSeconds(1), web.Probes.Readiness!.Period);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("-2", "workloads[\"web\"].replicas", "must be 0 or more")]
    [InlineData("three", "workloads[\"web\"].replicas", "is not a whole number")]
    public async Task A_bad_value_fails_the_start_naming_the_field_and_the_configuration_key(string value, string path, string rule)
    {
        Write("appsettings.Production.json", $$"""{ "Orchestration": { "Workloads": { "web": { "Replicas": "{{value}}", "Resources": { "MemoryLimit": "lots" } } } } }""");
        using var host = Build("Production");

        var error = await Assert.ThrowsAsync<SpecValidationException>(() => host.StartAsync());

        var replicas = Assert.Single(error.Problems, p => p.Path == path);
        Assert.Equal(value, replicas.Value);
        Assert.Contains(rule, replicas.Rule);
        Assert.Contains("configuration key 'Orchestration:Workloads:web:Replicas'", replicas.Rule);
        var memory = Assert.Single(error.Problems, p => p.Path == "workloads[\"web\"].resources.memoryLimit");
        Assert.Contains("configuration key 'Orchestration:Workloads:web:Resources'", memory.Rule);
        Assert.Contains("Orchestration:Workloads:web:Replicas", error.Message);
    }

    [Fact]
    public async Task A_reload_re_applies_the_fleet_and_an_invalid_reload_changes_nothing()
    {
        using var host = Build("Development");
        await host.StartAsync();
        var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
        Assert.Equal(3, orchestrator.DesiredState!.Find("web")!.Replicas);

        Write("appsettings.Development.json", """{ "Orchestration": { "Workloads": { "web": { "Replicas": 4, "Tag": "2" } } } }""");
        await WaitUntilAsync(() => orchestrator.DesiredState!.Find("web")!.Replicas == 4);
        Assert.Equal("orchestration/busybox:2", orchestrator.DesiredState!.Find("web")!.Image);
        await orchestrator.WaitForAsync(s => s["web"]!.Replicas.Length == 4, TimeSpan.FromSeconds(30));

        // Two values at once, one of them bad: neither is applied.
        Write("appsettings.Development.json", """{ "Orchestration": { "Workloads": { "web": { "Replicas": 6, "Tag": "bad tag" } } } }""");
        var logs = host.Services.GetRequiredService<Infrastructure.CapturedLogs>();
        await WaitUntilAsync(() => logs.Lines.Any(l => l.Contains("not applied", StringComparison.Ordinal)));
        Assert.Equal(4, orchestrator.DesiredState!.Find("web")!.Replicas);
        Assert.Contains(logs.Lines, l => l.Contains("Orchestration:Workloads:web:Tag", StringComparison.Ordinal));
        await host.StopAsync();
    }

    private IHost Build(string environment)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, EnvironmentName = environment, Args = [] });
        var logs = new Infrastructure.CapturedLogs();
        builder.Services.AddSingleton(logs);
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddOrchestration(o => o.FleetName = "configured")
            .UseInMemoryRuntime(o => o.AddNodes(2))
            .AddWorkload<ConfiguredWeb>();
        return builder.Build();
    }

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_root, name), json);

    private static Task WaitUntilAsync(Func<bool> condition)
        => Eventually.UntilAsync(() => Task.FromResult(condition()), TimeSpan.FromSeconds(30), "the configuration change to be applied");
}
