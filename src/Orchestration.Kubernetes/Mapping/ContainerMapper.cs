using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>The one container of a workload's pods: image, command, environment, ports, resources, probes, security
/// and mounts.</summary>
internal static class ContainerMapper
{
    public static V1Container Map(WorkloadSpec workload, ExportContext context, List<V1VolumeMount>? mounts)
        => new()
        {
            Name = workload.Name,
            Image = workload.Image,
            ImagePullPolicy = workload.PullPolicy.ToString(),
            Command = workload.Command.IsEmpty ? null : [.. workload.Command],
            Args = workload.Args.IsEmpty ? null : [.. workload.Args],
            Env = EnvironmentMapper.Map(workload, context),
            Ports = Ports(workload, context),
            Resources = ResourceMapper.Map(workload, context),
            StartupProbe = ProbeMapper.Map(workload.Probes.Startup, "startup", workload, context),
            ReadinessProbe = ProbeMapper.Map(workload.Probes.Readiness, "readiness", workload, context),
            LivenessProbe = ProbeMapper.Map(workload.Probes.Liveness, "liveness", workload, context),
            SecurityContext = SecurityContextMapper.Map(workload, context),
            VolumeMounts = mounts,
            Lifecycle = DrainHook(workload, context),
        };

    /// <summary>"TCP" or "UDP".</summary>
    public static string Protocol(PortProtocol protocol) => protocol == PortProtocol.Udp ? "UDP" : "TCP";

    private static List<V1ContainerPort>? Ports(WorkloadSpec workload, ExportContext context)
    {
        if (workload.Ports.IsEmpty)
        {
            return null;
        }

        var ports = new List<V1ContainerPort>();
        foreach (var port in workload.Ports)
        {
            if (port.HostPort is { } hostPort)
            {
                context.Warn(
                    $"{ExportContext.PathOf(workload)}.ports[\"{port.Name}\"].hostPort",
                    $"is {hostPort}; carried over as the container's hostPort, which binds the port on whichever node runs a pod (so at most one pod per node) and is not reachable through a NodePort or LoadBalancer Service: prefer the Service the manifests add for the workload");
            }

            ports.Add(new V1ContainerPort
            {
                Name = port.Name,
                ContainerPort = port.ContainerPort,
                Protocol = Protocol(port.Protocol),
                HostPort = port.HostPort,
                HostIP = port.HostPort is null ? null : port.HostIp,
            });

            if (port.HostPort is null && port.HostIp is not null)
            {
                context.Warn(
                    $"{ExportContext.PathOf(workload)}.ports[\"{port.Name}\"].hostIp",
                    $"is '{port.HostIp}' for a port published on an ephemeral node port; Kubernetes has no ephemeral host ports, so pods are reached through the workload's Service and the address is not carried over");
            }
        }

        return ports;
    }

    /// <summary>The drain delay is a preStop sleep: the pod leaves the endpoints, sleeps, and only then gets SIGTERM.</summary>
    private static V1Lifecycle? DrainHook(WorkloadSpec workload, ExportContext context)
    {
        if (workload.DrainDelay <= TimeSpan.Zero)
        {
            return null;
        }

        var seconds = Seconds.Of(workload.DrainDelay, context, $"{ExportContext.PathOf(workload)}.drainDelay", minimum: 1);
        return new V1Lifecycle { PreStop = new V1LifecycleHandler { Sleep = new V1SleepAction { Seconds = seconds } } };
    }
}
