using System.Globalization;
using Docker.DotNet.Models;
using DockerRestartPolicy = Docker.DotNet.Models.RestartPolicy;

namespace Orchestration.Runtime.Docker.Containers;

/// <summary>Turns a resolved launch into Docker's create request, with the settings of the workload's security profile
/// (<see cref="SecurityProfileSettings"/>: capabilities, no new privileges, an init process as PID 1 so signals reach
/// the workload and zombies are reaped, a pids limit), Docker's own restart policy off (the orchestrator restarts), limits from the spec, ports
/// published on ephemeral loopback ports unless the spec says otherwise, and the fleet network with the workload
/// name as DNS alias.</summary>
internal static class ContainerParameters
{
    /// <param name="launch">The launch.</param>
    /// <param name="networkName">The fleet network.</param>
    /// <param name="options">The runtime's options.</param>
    /// <param name="dnsServers">The fleet's DNS first, then the machine's: the workload name is then answered by the
    /// fleet's DNS (ready replicas only) and is not an alias; <see langword="null"/> keeps the alias.</param>
    /// <param name="publishAddress">Where ports without a host address are published on the node; the runtime's
    /// <see cref="DockerRuntimeOptions.PublishAddress"/> when <see langword="null"/>.</param>
    public static CreateContainerParameters Create(ContainerLaunch launch, string networkName, DockerRuntimeOptions options, IReadOnlyList<string>? dnsServers = null, string? publishAddress = null)
    {
        var spec = launch.Container;
        var security = spec.Security;
        var labels = new Dictionary<string, string>(launch.Labels, StringComparer.Ordinal)
        {
            [PortLabel.Key] = PortLabel.Format(spec.Ports),
        };

        var hostConfig = new HostConfig
        {
            NetworkMode = security.HostNetwork ? "host" : networkName,
            RestartPolicy = new DockerRestartPolicy { Name = RestartPolicyKind.No },
            Privileged = security.Privileged,
            PidMode = security.HostPid ? "host" : "",
            Mounts = [.. spec.Mounts.Select(ToMount), .. launch.ReplicaVolumes.Select(v => ReplicaVolume(v, launch)), .. Files.FileVolumes.ContainerMounts(launch)],
        };
        ApplyLimits(hostConfig, spec.Resources);
        SecurityProfileSettings.Apply(hostConfig, spec);

        var parameters = new CreateContainerParameters
        {
            Name = launch.Name,
            Hostname = security.HostNetwork ? "" : launch.Hostname ?? "",
            Image = spec.Image,
            Labels = labels,
            Env = [.. launch.Environment.Select(e => $"{e.Key}={e.Value}")],
            User = security.User ?? "",
            StopTimeout = spec.StopGracePeriod,
            HostConfig = hostConfig,
        };
        if (!spec.Command.IsDefaultOrEmpty)
        {
            parameters.Entrypoint = [.. spec.Command];
        }

        if (!spec.Args.IsDefaultOrEmpty)
        {
            parameters.Cmd = [.. spec.Args];
        }

        if (!security.HostNetwork)
        {
            parameters.ExposedPorts = spec.Ports.ToDictionary(PortLabel.DockerPort, _ => default(EmptyStruct));
            hostConfig.PortBindings = spec.Ports.ToDictionary(
                PortLabel.DockerPort,
                p => (IList<PortBinding>)[new PortBinding
                {
                    HostIP = p.HostIp ?? publishAddress ?? options.PublishAddress,
                    HostPort = p.HostPort?.ToString(CultureInfo.InvariantCulture) ?? "",
                }]);
            // The engine's default network has no DNS and refuses aliases.
            parameters.NetworkingConfig = networkName is "bridge" or "default" ? null : new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings>(StringComparer.Ordinal)
                {
                    [networkName] = new() { Aliases = dnsServers is null ? [spec.Workload, .. launch.NetworkAliases] : [.. launch.NetworkAliases] },
                },
            };
            if (dnsServers is not null)
            {
                hostConfig.DNS = [.. dnsServers];
            }
        }

        return parameters;
    }

    private static void ApplyLimits(HostConfig hostConfig, ResourceSpec resources)
    {
        if (resources.CpuLimitMillicores is { } cpu)
        {
            hostConfig.NanoCPUs = cpu * 1_000_000;
        }

        if (resources.MemoryLimitBytes is { } memory)
        {
            hostConfig.Memory = memory;
            hostConfig.MemorySwap = memory;
        }

        if (resources.MemoryRequestBytes is { } reservation)
        {
            hostConfig.MemoryReservation = reservation;
        }
    }

    /// <summary>A replica's own volume, created by the engine on first use with the fleet's and workload's labels, so
    /// that it can be found and removed with the fleet.</summary>
    private static Mount ReplicaVolume(MountSpec volume, ContainerLaunch launch) => new()
    {
        Type = "volume",
        Source = volume.Source,
        Target = volume.Target,
        ReadOnly = volume.ReadOnly,
        VolumeOptions = new VolumeOptions
        {
            Labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [OrchestrationLabels.Fleet] = launch.Fleet,
                [OrchestrationLabels.Workload] = launch.Container.Workload,
                [OrchestrationLabels.Replica] = launch.ReplicaId,
            },
        },
    };

    private static Mount ToMount(MountSpec mount) => mount.Kind switch
    {
        MountKind.Volume => new Mount { Type = "volume", Source = mount.Source, Target = mount.Target, ReadOnly = mount.ReadOnly },
        MountKind.Bind => new Mount { Type = "bind", Source = mount.Source, Target = mount.Target, ReadOnly = mount.ReadOnly },
        _ => new Mount { Type = "tmpfs", Target = mount.Target, ReadOnly = mount.ReadOnly },
    };
}
