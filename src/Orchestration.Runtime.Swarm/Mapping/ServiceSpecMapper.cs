using System.Text.Json;
using Docker.DotNet.Models;

namespace Orchestration.Runtime.Swarm.Mapping;

/// <summary>Maps a workload to a Swarm service spec. See docs/swarm.md for what maps to what.</summary>
internal static class ServiceSpecMapper
{
    public static ServiceSpec Map(WorkloadSpec spec, SwarmServiceInputs inputs, SwarmRuntimeOptions options)
    {
        var labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal)
        {
            [OrchestrationLabels.Fleet] = inputs.Fleet.Name,
            [OrchestrationLabels.Workload] = spec.Name,
            [OrchestrationLabels.Revision] = spec.Revision,
        };
        var service = new ServiceSpec
        {
            Name = SwarmNames.Service(inputs.Fleet.Name, spec.Name),
            Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal),
            Mode = Mode(spec),
            TaskTemplate = new TaskSpec
            {
                ContainerSpec = Container(spec, inputs, labels),
                Resources = Resources(spec.Resources),
                RestartPolicy = Restart(spec),
                Placement = Placement(spec, options),
                Networks = [new NetworkAttachmentConfig { Target = inputs.NetworkName, Aliases = [spec.Name] }],
            },
            EndpointSpec = new EndpointSpec
            {
                Mode = options.UseVirtualIps ? "vip" : "dnsrr",
                Ports = [.. spec.Ports.Select(p => new PortConfig
                {
                    Name = p.Name,
                    Protocol = p.Protocol == PortProtocol.Udp ? "udp" : "tcp",
                    TargetPort = (uint)p.ContainerPort,
                    PublishedPort = p.HostPort is { } host ? (uint)host : null,
                    PublishMode = options.UseVirtualIps ? "ingress" : "host",
                })],
            },
        };
        if (spec.Kind != WorkloadKind.Job)
        {
            service.UpdateConfig = Update(spec, options, failureAction: spec.Update.FailureAction == RolloutFailureAction.Rollback ? "rollback" : "pause");
            service.RollbackConfig = Update(spec, options, failureAction: "pause");
        }

        service.Labels[SwarmNames.SpecHashLabel] = Hash(service);
        return service;
    }

    /// <summary>A digest of everything in <paramref name="service"/> but its own hash label.</summary>
    public static string Hash(ServiceSpec service)
    {
        var labels = service.Labels.Where(l => l.Key != SwarmNames.SpecHashLabel).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        var copy = new { service.Name, Labels = labels, service.TaskTemplate, service.Mode, service.UpdateConfig, service.RollbackConfig, service.EndpointSpec };
        return SwarmNames.Digest(JsonSerializer.Serialize(copy, HashJson));
    }

    private static readonly JsonSerializerOptions HashJson = new() { WriteIndented = false };

    private static ServiceMode Mode(WorkloadSpec spec) => spec.Kind switch
    {
        WorkloadKind.DaemonSet => new ServiceMode { Global = new GlobalService() },
        WorkloadKind.Job => new ServiceMode
        {
            ReplicatedJob = new ReplicatedJob { MaxConcurrent = (ulong)spec.Job.Parallelism, TotalCompletions = (ulong)spec.Job.Completions },
        },
        _ => new ServiceMode { Replicated = new ReplicatedService { Replicas = (ulong)spec.Replicas } },
    };

    private static ContainerSpec Container(WorkloadSpec spec, SwarmServiceInputs inputs, IReadOnlyDictionary<string, string> labels)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in inputs.DependencyEnvironment)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in spec.Environment)
        {
            environment[key] = value;
        }

        // A secret's value never enters the service spec: it is a file under /run/secrets, named after the variable,
        // and {VARIABLE}_FILE points at it (the convention of official images such as postgres and mysql).
        foreach (var secret in spec.Secrets)
        {
            environment.TryAdd(secret.EnvironmentVariable + "_FILE", "/run/secrets/" + secret.EnvironmentVariable);
        }

        var security = spec.Security;
        return new ContainerSpec
        {
            Image = spec.Image,
            Command = spec.Command.IsDefaultOrEmpty ? null : [.. spec.Command],
            Args = spec.Args.IsDefaultOrEmpty ? null : [.. spec.Args],
            Env = [.. environment.Select(e => $"{e.Key}={e.Value}")],
            Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal),
            User = security.User,
            ReadOnly = security.ReadOnlyRootFilesystem,
            Init = true,
            CapabilityDrop = ["ALL"],
            CapabilityAdd = [.. security.AddCapabilities],
            StopGracePeriod = spec.StopGracePeriod,
            Healthcheck = HealthcheckMapper.Map(spec),
            Secrets = [.. inputs.Secrets],
            Configs = [.. inputs.Configs],
            Mounts = [.. spec.Mounts.Select(Mount)],
        };
    }

    private static Mount Mount(MountSpec mount) => new()
    {
        Type = mount.Kind switch { MountKind.Bind => "bind", MountKind.Tmpfs => "tmpfs", _ => "volume" },
        Source = mount.Source,
        Target = mount.Target,
        ReadOnly = mount.ReadOnly,
    };

    private static ResourceRequirements Resources(ResourceSpec resources) => new()
    {
        Limits = new SwarmLimit
        {
            NanoCPUs = resources.CpuLimitMillicores * 1_000_000,
            MemoryBytes = resources.MemoryLimitBytes,
            Pids = resources.PidsLimit,
        },
        Reservations = new SwarmResources
        {
            NanoCPUs = resources.CpuRequestMillicores * 1_000_000,
            MemoryBytes = resources.MemoryRequestBytes,
        },
    };

    private static SwarmRestartPolicy Restart(WorkloadSpec spec) => new()
    {
        Condition = spec.Restart.Mode switch
        {
            RestartMode.OnFailure => "on-failure",
            RestartMode.Never => "none",
            _ => "any",
        },
        Delay = spec.Restart.InitialDelay,
        MaxAttempts = spec.Kind == WorkloadKind.Job ? (ulong)spec.Job.BackoffLimit : null,
    };

    private static Placement Placement(WorkloadSpec spec, SwarmRuntimeOptions options)
    {
        var placement = new Placement
        {
            Constraints = [.. spec.Placement.NodeSelector.Select(s => $"node.labels.{s.Key}=={s.Value}")],
        };
        if (spec.Placement.RequiredAntiAffinity.Contains(spec.Name, StringComparer.Ordinal))
        {
            placement.MaxReplicas = 1;
        }

        if (options.SpreadOverNodeLabel is { } label)
        {
            placement.Preferences = [new PlacementPreference { Spread = new SpreadOver { SpreadDescriptor = "node.labels." + label } }];
        }

        return placement;
    }

    private static SwarmUpdateConfig Update(WorkloadSpec spec, SwarmRuntimeOptions options, string failureAction)
    {
        var update = spec.Update;
        var replicas = Math.Max(1, spec.Replicas);
        var monitor = update.MinReadyTime > options.UpdateMonitor ? update.MinReadyTime : options.UpdateMonitor;
        if (update.Kind == UpdateKind.Recreate)
        {
            return new SwarmUpdateConfig { Parallelism = 0, Order = "stop-first", FailureAction = failureAction, Monitor = monitor };
        }

        var surge = update.MaxSurge.Resolve(replicas, roundUp: true);
        var unavailable = update.MaxUnavailable.Resolve(replicas, roundUp: false);
        return new SwarmUpdateConfig
        {
            Parallelism = (ulong)Math.Max(1, surge > 0 ? surge : unavailable),
            Order = surge > 0 ? "start-first" : "stop-first",
            FailureAction = failureAction,
            Monitor = monitor,
            Delay = TimeSpan.Zero,
            MaxFailureRatio = 0,
        };
    }
}
