using k8s;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>A stateful set workload becomes a StatefulSet governed by a headless Service (one DNS name per pod), with
/// a PersistentVolumeClaim template per volume template, its ordering, partition and retention policy, and a
/// PodDisruptionBudget when it has more than one replica.</summary>
internal sealed class StatefulSetMapper : IWorkloadKindMapper
{
    public const string VolumeSize = "1Gi";

    public WorkloadKind Kind => WorkloadKind.StatefulSet;

    public IEnumerable<IKubernetesObject<V1ObjectMeta>> Map(WorkloadSpec workload, ExportContext context)
    {
        var at = ExportContext.PathOf(workload);
        var stateful = workload.StatefulSet;
        var governing = $"{workload.Name}-pods";
        var template = PodTemplateMapper.Map(workload, context, "Always");
        var container = template.Spec.Containers[0];
        foreach (var volume in stateful.VolumeTemplates)
        {
            (container.VolumeMounts ??= []).Add(new V1VolumeMount { Name = volume.Name, MountPath = volume.Target, ReadOnlyProperty = volume.ReadOnly ? true : null });
            context.Warn($"{at}.statefulSet.volumeTemplates[\"{volume.Name}\"]", $"has no size or storage class in the fleet; the claim template asks for {VolumeSize} of the cluster's default storage class");
        }

        var spec = new V1StatefulSetSpec
        {
            Replicas = workload.Replicas,
            ServiceName = governing,
            Selector = new V1LabelSelector { MatchLabels = FleetLabels.Selector(context.Fleet, workload.Name) },
            Template = template,
            PodManagementPolicy = stateful.PodManagement.ToString(),
            MinReadySeconds = Seconds.Of(workload.Update.MinReadyTime, context, $"{at}.update.minReadyTime"),
            RevisionHistoryLimit = workload.Update.RevisionHistoryLimit,
            UpdateStrategy = new V1StatefulSetUpdateStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateStatefulSetStrategy { Partition = stateful.Partition },
            },
            PersistentVolumeClaimRetentionPolicy = new V1StatefulSetPersistentVolumeClaimRetentionPolicy
            {
                WhenScaled = stateful.WhenScaled.ToString(),
                WhenDeleted = stateful.WhenDeleted.ToString(),
            },
            VolumeClaimTemplates = stateful.VolumeTemplates.IsEmpty
                ? null
                : [.. stateful.VolumeTemplates.Select(v => new V1PersistentVolumeClaim
                {
                    Metadata = new V1ObjectMeta { Name = v.Name },
                    Spec = new V1PersistentVolumeClaimSpec
                    {
                        AccessModes = ["ReadWriteOnce"],
                        Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(VolumeSize) } },
                    },
                })],
        };

        if (workload.Update.Kind == UpdateKind.Recreate)
        {
            context.Warn($"{at}.update.kind", "is Recreate; a StatefulSet replaces pods one at a time from the highest ordinal (RollingUpdate) or only when deleted (OnDelete), so the manifests roll");
        }

        yield return ObjectHeader.Set(
            new V1StatefulSet { Metadata = context.Metadata(workload.Name, workload), Spec = spec },
            V1StatefulSet.KubeGroup,
            V1StatefulSet.KubeApiVersion,
            V1StatefulSet.KubeKind);

        yield return ObjectHeader.Set(
            new V1Service
            {
                Metadata = context.Metadata(governing, workload),
                Spec = new V1ServiceSpec
                {
                    ClusterIP = "None",
                    Selector = FleetLabels.Selector(context.Fleet, workload.Name),
                    PublishNotReadyAddresses = true,
                    Ports = workload.Ports.IsEmpty ? null : [.. workload.Ports.Select(p => new V1ServicePort { Name = p.Name, Port = p.ContainerPort, TargetPort = p.Name, Protocol = ContainerMapper.Protocol(p.Protocol) })],
                },
            },
            V1Service.KubeGroup,
            V1Service.KubeApiVersion,
            V1Service.KubeKind);

        if (context.Options.DisruptionBudgets && DisruptionBudgetMapper.Map(workload, context) is { } budget)
        {
            yield return budget;
        }
    }
}
