using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>Node selector, tolerations, pod anti-affinity between the fleet's workloads and the spread's maximum
/// skew; reports the scoring strategy, which Kubernetes sets per scheduler, not per workload.</summary>
internal static class PlacementMapper
{
    public const string HostnameTopology = "kubernetes.io/hostname";
    public const int PreferredWeight = 100;

    public static void Apply(V1PodSpec pod, WorkloadSpec workload, ExportContext context)
    {
        var placement = workload.Placement;
        var at = $"{ExportContext.PathOf(workload)}.placement";
        if (!placement.NodeSelector.IsEmpty)
        {
            pod.NodeSelector = new Dictionary<string, string>(placement.NodeSelector, StringComparer.Ordinal);
        }

        if (!placement.Tolerations.IsEmpty)
        {
            pod.Tolerations = [.. placement.Tolerations.Select(Toleration)];
        }

        if (!placement.RequiredAntiAffinity.IsEmpty || !placement.PreferredAntiAffinity.IsEmpty)
        {
            pod.Affinity = new V1Affinity
            {
                PodAntiAffinity = new V1PodAntiAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = placement.RequiredAntiAffinity.IsEmpty
                        ? null
                        : [.. placement.RequiredAntiAffinity.Select(w => AffinityTerm(context, w))],
                    PreferredDuringSchedulingIgnoredDuringExecution = placement.PreferredAntiAffinity.IsEmpty
                        ? null
                        : [.. placement.PreferredAntiAffinity.Select(w => new V1WeightedPodAffinityTerm { Weight = PreferredWeight, PodAffinityTerm = AffinityTerm(context, w) })],
                },
            };
        }

        if (placement.MaxSkew is { } skew)
        {
            pod.TopologySpreadConstraints =
            [
                new V1TopologySpreadConstraint
                {
                    MaxSkew = skew,
                    TopologyKey = HostnameTopology,
                    WhenUnsatisfiable = "DoNotSchedule",
                    LabelSelector = new V1LabelSelector { MatchLabels = FleetLabels.Selector(context.Fleet, workload.Name) },
                },
            ];
        }

        if (placement.Strategy != PlacementStrategy.Spread)
        {
            context.Warn(
                $"{at}.strategy",
                $"is {placement.Strategy}; Kubernetes scores nodes per scheduler profile (NodeResourcesFit's MostAllocated strategy), not per workload, so the manifests keep the default scheduler's spreading");
        }
    }

    /// <summary>Equal for a key and value, Exists for a key alone; no effect tolerates every effect.</summary>
    public static V1Toleration Toleration(Toleration toleration)
        => new()
        {
            Key = toleration.Key,
            OperatorProperty = toleration.Value is null ? "Exists" : "Equal",
            Value = toleration.Value,
            Effect = toleration.Effect?.ToString(),
        };

    private static V1PodAffinityTerm AffinityTerm(ExportContext context, string workload)
        => new()
        {
            TopologyKey = HostnameTopology,
            LabelSelector = new V1LabelSelector { MatchLabels = FleetLabels.Selector(context.Fleet, workload) },
        };
}
