using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;

namespace Orchestration.Docker.Tests.Runtime;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_right()
    {
        var options = new DockerRuntimeOptions();

        Assert.Empty(options.Nodes);
        Assert.False(options.AllowPrivileged);
        Assert.False(options.AllowHostNetwork);
        Assert.False(options.AllowHostPid);
        Assert.False(options.AllowDockerSocketMount);
        Assert.Equal("127.0.0.1", options.PublishAddress);
        Assert.Equal("orchestration-", options.NetworkPrefix);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CallTimeout);
        Assert.Equal(3, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PingInterval);
        Assert.Equal("local", new DockerNodeOptions().Name);
    }

    [Fact]
    public void Invalid_options_fail_with_messages_naming_option_and_value()
    {
        using var provider = Build(o =>
        {
            o.Nodes.Add(new DockerNodeOptions { Name = "a", Endpoint = "ftp://engine" });
            o.Nodes.Add(new DockerNodeOptions { Name = "a", CpuMillicores = 0, ApiVersion = "1.12" });
            o.PublishAddress = "localhost";
            o.CallTimeout = TimeSpan.Zero;
            o.MaxRetryAttempts = 99;
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value);

        Assert.Equal(
            [
                "DockerRuntimeOptions.Nodes[0].Endpoint: 'ftp://engine' must be an absolute URI with scheme unix, tcp, http, https or npipe, such as \"unix:///var/run/docker.sock\" or \"tcp://host:2376\".",
                "DockerRuntimeOptions.Nodes[1].Name: 'a' is used by another node; node names must be unique.",
                "DockerRuntimeOptions.Nodes[1].CpuMillicores: '0' must be positive.",
                "DockerRuntimeOptions.Nodes[1].ApiVersion: '1.12' must be an API version from 1.41 to 1.54, such as \"1.41\".",
                "DockerRuntimeOptions.PublishAddress: 'localhost' must be an IP address, such as \"127.0.0.1\" or \"0.0.0.0\".",
                "DockerRuntimeOptions.CallTimeout: '00:00:00' must be positive.",
                "DockerRuntimeOptions.MaxRetryAttempts: '99' must be between 0 and 10.",
            ],
            error.Failures);
    }

    [Fact]
    public void Use_docker_twice_registers_one_runtime()
    {
        var services = new ServiceCollection();
        services.AddOrchestration(o => o.FleetName = "twice").UseDocker().UseDocker(o => o.AllowPrivileged = true);
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IContainerRuntime));
        Assert.True(provider.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value.AllowPrivileged);
    }

    private static ServiceProvider Build(Action<DockerRuntimeOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddOrchestration(o => o.FleetName = "options").UseDocker(configure);
        return services.BuildServiceProvider();
    }
}
