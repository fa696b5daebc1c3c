using System.Collections.Immutable;

namespace Orchestration.Runtime;

/// <summary>What one container runs, resolved from its workload by the control loop: image, command, ports, mounts,
/// limits and security, and nothing of the workload as a whole (replicas, rollouts, dependencies, autoscaling, probes,
/// placement). Environment, labels, files and the replica's own volumes, which are resolved per replica, are on the
/// <see cref="ContainerLaunch"/> beside it.</summary>
public sealed record ResolvedContainerSpec
{
    /// <summary>The name of the workload the container belongs to: its DNS alias on the fleet network and the owner of
    /// the volumes created for it.</summary>
    public required string Workload { get; init; }

    /// <summary>The workload revision (<see cref="WorkloadSpec.Revision"/>) the container is created from; a runtime
    /// that finds a container of this name already created compares it to decide whether to take it over.</summary>
    public required string Revision { get; init; }

    /// <summary>Image reference.</summary>
    public required string Image { get; init; }

    /// <summary>When the image is pulled.</summary>
    public PullPolicy PullPolicy { get; init; } = PullPolicy.IfNotPresent;

    /// <summary>Replaces the image's entrypoint when not empty.</summary>
    public ImmutableArray<string> Command { get; init; } = [];

    /// <summary>Replaces the image's command (the entrypoint's arguments) when not empty.</summary>
    public ImmutableArray<string> Args { get; init; } = [];

    /// <summary>Named ports the container listens on, with how they are published.</summary>
    public ImmutableArray<PortSpec> Ports { get; init; } = [];

    /// <summary>The workload's volumes, bind mounts and memory file systems.</summary>
    public ImmutableArray<MountSpec> Mounts { get; init; } = [];

    /// <summary>Requests and limits of CPU, memory and processes.</summary>
    public ResourceSpec Resources { get; init; } = ResourceSpec.None;

    /// <summary>Security settings: profile, user, capabilities, privileged and host modes.</summary>
    public SecuritySpec Security { get; init; } = SecuritySpec.Default;

    /// <summary>How long the container has between the stop signal and the kill.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The container part of <paramref name="workload"/>.</summary>
    public static ResolvedContainerSpec From(WorkloadSpec workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new ResolvedContainerSpec
        {
            Workload = workload.Name,
            Revision = workload.Revision,
            Image = workload.Image,
            PullPolicy = workload.PullPolicy,
            Command = workload.Command,
            Args = workload.Args,
            Ports = workload.Ports,
            Mounts = workload.Mounts,
            Resources = workload.Resources,
            Security = workload.Security,
            StopGracePeriod = workload.StopGracePeriod,
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Workload} (image {Image}, revision {Revision})";
}
