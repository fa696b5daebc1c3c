using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>The pod template every workload kind shares: labels, the container, volumes, placement, host namespaces,
/// the restart policy and the grace period.</summary>
internal static class PodTemplateMapper
{
    public static V1PodTemplateSpec Map(WorkloadSpec workload, ExportContext context, string restartPolicy)
    {
        var (volumes, mounts) = VolumeMapper.Map(workload, context);
        var pod = new V1PodSpec
        {
            Containers = [ContainerMapper.Map(workload, context, mounts)],
            Volumes = volumes,
            RestartPolicy = restartPolicy,
            TerminationGracePeriodSeconds = GracePeriod(workload, context),
            HostNetwork = workload.Security.HostNetwork ? true : null,
            HostPID = workload.Security.HostPid ? true : null,
            AutomountServiceAccountToken = false,
        };
        PlacementMapper.Apply(pod, workload, context);
        FleetLabels.ReportAnnotations(context, workload);
        return new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta
            {
                Labels = FleetLabels.ForWorkload(context, workload),
                Annotations = FleetLabels.AsAnnotations(workload),
            },
            Spec = pod,
        };
    }

    /// <summary>Kubernetes counts the preStop hook (the drain delay) inside the grace period; the SDK counts the stop
    /// grace period from the stop signal, after the drain. The sum keeps the SDK's time between signal and kill.</summary>
    private static long GracePeriod(WorkloadSpec workload, ExportContext context)
    {
        var drain = workload.DrainDelay > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(workload.DrainDelay.TotalSeconds))) : TimeSpan.Zero;
        return Seconds.Of(workload.StopGracePeriod, context, $"{ExportContext.PathOf(workload)}.stopGracePeriod") + (long)drain.TotalSeconds;
    }
}
