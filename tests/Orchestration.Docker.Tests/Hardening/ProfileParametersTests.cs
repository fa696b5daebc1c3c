using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Runtime.Docker;
using Orchestration.Runtime.Docker.Containers;

namespace Orchestration.Docker.Tests.Hardening;

/// <summary>What each profile sets on the engine's create request, and what the runtime refuses without its
/// privileged opt-in.</summary>
public sealed class ProfileParametersTests
{
    private static WorkloadSpec Web(SecuritySpec security) => RuntimeScope.Web() with { Security = security };

    private static global::Docker.DotNet.Models.HostConfig HostConfig(WorkloadSpec spec)
        => ContainerParameters.Create(Launch(spec), "bridge", new DockerRuntimeOptions()).HostConfig!;

    [Fact]
    public void Baseline_keeps_the_engine_defaults_less_net_raw_and_mknod_with_no_new_privileges_init_and_a_pids_limit()
    {
        var host = HostConfig(Web(new SecuritySpec { AddCapabilities = ["net_admin"] }));
        Assert.Equal(["MKNOD", "NET_RAW"], host.CapDrop);
        Assert.Equal(["NET_ADMIN"], host.CapAdd);
        Assert.Equal(["no-new-privileges:true"], host.SecurityOpt);
        Assert.True(host.Init);
        Assert.Equal(4096, host.PidsLimit);
        Assert.False(host.ReadonlyRootfs);
    }

    [Fact]
    public void Restricted_drops_every_capability_and_mounts_the_root_read_only()
    {
        var host = HostConfig(Web(new SecuritySpec { Profile = SecurityProfile.Restricted, User = "1000", AddCapabilities = ["NET_BIND_SERVICE"] }));
        Assert.Equal(["ALL"], host.CapDrop);
        Assert.Equal(["NET_BIND_SERVICE"], host.CapAdd);
        Assert.True(host.ReadonlyRootfs);
        Assert.Equal(["no-new-privileges:true"], host.SecurityOpt);
    }

    [Fact]
    public void The_capability_all_and_binds_reaching_the_node_root_need_allow_privileged()
    {
        var spec = Web(new SecuritySpec { AddCapabilities = ["ALL"] }) with
        {
            Mounts = [new MountSpec(MountKind.Bind, "/proc/1/root", "/host"), new MountSpec(MountKind.Bind, "/etc", "/etc-host", readOnly: true)],
        };
        var refused = new List<ValidationProblem>();
        DockerSecurityPolicy.Validate(spec, new DockerRuntimeOptions(), refused);
        Assert.Equal(["workloads[\"web\"].security.addCapabilities[0]", "workloads[\"web\"].mounts[\"/host\"].source"], refused.Select(p => p.Path));
        Assert.All(refused, p => Assert.Contains("AllowPrivileged", p.Rule, StringComparison.Ordinal));

        var allowed = new List<ValidationProblem>();
        DockerSecurityPolicy.Validate(spec, new DockerRuntimeOptions { AllowPrivileged = true }, allowed);
        Assert.Empty(allowed);
    }

    /// <summary>A launch as the orchestrator builds it, without an engine.</summary>
    private static global::Orchestration.Runtime.ContainerLaunch Launch(WorkloadSpec spec) => new()
    {
        Fleet = "f",
        Container = global::Orchestration.Runtime.ResolvedContainerSpec.From(spec),
        ReplicaId = "r0",
        Node = "local",
        Name = "f-web-r0",
        Labels = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty,
        Environment = spec.Environment,
    };
}
