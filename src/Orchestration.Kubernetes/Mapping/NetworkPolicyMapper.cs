using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>One NetworkPolicy for the fleet: its pods accept traffic only from pods of the same fleet, as containers
/// on the fleet's own Docker network do.</summary>
internal static class NetworkPolicyMapper
{
    public static V1NetworkPolicy Map(ExportContext context)
    {
        var fleet = new Dictionary<string, string>(StringComparer.Ordinal) { [FleetLabels.PartOf] = context.Fleet.Name };
        return ObjectHeader.Set(
            new V1NetworkPolicy
            {
                Metadata = context.Metadata($"{context.Fleet.Name}-isolation", null),
                Spec = new V1NetworkPolicySpec
                {
                    PodSelector = new V1LabelSelector { MatchLabels = fleet },
                    PolicyTypes = ["Ingress"],
                    Ingress = [new V1NetworkPolicyIngressRule { FromProperty = [new V1NetworkPolicyPeer { PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>(fleet, StringComparer.Ordinal) } }] }],
                },
            },
            V1NetworkPolicy.KubeGroup,
            V1NetworkPolicy.KubeApiVersion,
            V1NetworkPolicy.KubeKind);
    }
}
