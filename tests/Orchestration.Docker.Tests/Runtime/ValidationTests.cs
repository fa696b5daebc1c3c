using Microsoft.Extensions.DependencyInjection;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;

namespace Orchestration.Docker.Tests.Runtime;

/// <summary>Validation needs no engine: it only reads the spec and the options.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void Privileged_host_namespaces_and_the_docker_socket_are_refused_without_opt_in()
    {
        var spec = Spec() with
        {
            Security = SecuritySpec.Default with { Privileged = true, HostNetwork = true, HostPid = true },
            Mounts = [new MountSpec(MountKind.Bind, "/var/run/docker.sock", "/var/run/docker.sock"), new MountSpec(MountKind.Bind, "/run", "/host-run")],
        };

        var problems = Validate(spec);

        Assert.Equal(
            [
                "workloads[\"api\"].security.privileged",
                "workloads[\"api\"].security.hostNetwork",
                "workloads[\"api\"].security.hostPid",
                "workloads[\"api\"].mounts[\"/var/run/docker.sock\"].source",
                "workloads[\"api\"].mounts[\"/host-run\"].source",
            ],
            problems.Select(p => p.Path));
        Assert.Equal("true", problems[0].Value);
        Assert.Contains("DockerRuntimeOptions.AllowPrivileged", problems[0].Rule, StringComparison.Ordinal);
        Assert.Equal("/var/run/docker.sock", problems[3].Value);
        Assert.Contains("AllowDockerSocketMount", problems[3].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Opting_in_allows_them()
    {
        var spec = Spec() with
        {
            Security = SecuritySpec.Default with { Privileged = true, HostNetwork = true, HostPid = true },
            Mounts = [new MountSpec(MountKind.Bind, "/var/run/docker.sock", "/var/run/docker.sock")],
        };

        var problems = Validate(spec, o =>
        {
            o.AllowPrivileged = true;
            o.AllowHostNetwork = true;
            o.AllowHostPid = true;
            o.AllowDockerSocketMount = true;
        });

        Assert.Empty(problems);
    }

    [Fact]
    public void Locked_down_specs_and_harmless_binds_pass()
    {
        var spec = Spec() with
        {
            Mounts = [new MountSpec(MountKind.Bind, "/srv/data", "/data"), new MountSpec(MountKind.Volume, "cache", "/cache"), new MountSpec(MountKind.Tmpfs, null, "/tmp")],
        };

        Assert.Empty(Validate(spec));
    }

    [Fact]
    public void Relative_bind_sources_are_refused()
    {
        var problem = Assert.Single(Validate(Spec() with { Mounts = [new MountSpec(MountKind.Bind, "data", "/data")] }));

        Assert.Equal("workloads[\"api\"].mounts[\"/data\"].source", problem.Path);
        Assert.Equal("data", problem.Value);
    }

    private static WorkloadSpec Spec() => new() { Name = "api", Image = "orchestration/busybox:1" };

    private static List<ValidationProblem> Validate(WorkloadSpec spec, Action<DockerRuntimeOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddOrchestration(o => o.FleetName = "validation").UseDocker(configure);
        using var provider = services.BuildServiceProvider();
        var problems = new List<ValidationProblem>();
        provider.GetRequiredService<IContainerRuntime>().Validate(spec, problems);
        return problems;
    }
}
