using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>A ClusterIP Service per workload with ports: its name resolves in the cluster as the workload's name does in
/// the fleet, and only ready pods receive traffic.</summary>
internal static class ServiceMapper
{
    public static V1Service? Map(WorkloadSpec workload, ExportContext context)
    {
        if (workload.Ports.IsEmpty)
        {
            return null;
        }

        return ObjectHeader.Set(
            new V1Service
            {
                Metadata = context.Metadata(workload.Name, workload),
                Spec = new V1ServiceSpec
                {
                    Type = "ClusterIP",
                    Selector = FleetLabels.Selector(context.Fleet, workload.Name),
                    Ports = [.. workload.Ports.Select(p => new V1ServicePort
                    {
                        Name = p.Name,
                        Port = p.ContainerPort,
                        TargetPort = p.Name,
                        Protocol = ContainerMapper.Protocol(p.Protocol),
                    })],
                },
            },
            V1Service.KubeGroup,
            V1Service.KubeApiVersion,
            V1Service.KubeKind);
    }
}
