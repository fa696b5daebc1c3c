using k8s.Models;

namespace Orchestration.Kubernetes.Tests;

/// <summary>A fleet of one or more workloads exported and read back, with the read-back objects at hand.</summary>
internal sealed record Exported(KubernetesExport Export, IReadOnlyList<object> Objects)
{
    public const string FleetName = "shop";

    public static Exported Workload(string name, Action<WorkloadBuilder> configure, KubernetesExportOptions? options = null)
        => Fleet(f => f.AddWorkload(name, configure), options);

    public static Exported Fleet(Action<FleetBuilder> configure, KubernetesExportOptions? options = null)
    {
        var builder = new FleetBuilder(FleetName);
        configure(builder);
        var export = KubernetesManifests.From(builder.Build(), options);
        return new Exported(export, RoundTrip.ReadBack(export));
    }

    public IReadOnlyList<ExportWarning> Warnings => Export.Warnings;

    public T Single<T>(string name)
        where T : k8s.IKubernetesObject<V1ObjectMeta>
        => RoundTrip.Single<T>(Objects, name);

    public V1PodSpec Pod(string name) => Single<V1Deployment>(name).Spec.Template.Spec;

    public V1Container Container(string name) => Assert.Single(Pod(name).Containers);

    public ExportWarning Warning(string field) => Assert.Single(Warnings, w => w.Field == field);
}
