using k8s;
using k8s.Models;

namespace Orchestration.Kubernetes;

/// <summary>The manifests of one fleet: Kubernetes objects built with the official client's models, what could not be
/// expressed, and the Secret keys the pods read.</summary>
public sealed class KubernetesExport
{
    internal KubernetesExport(
        IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects,
        IReadOnlyList<ExportWarning> warnings,
        IReadOnlyList<SecretKeyReference> secrets)
    {
        Objects = objects;
        Warnings = warnings;
        Secrets = secrets;
    }

    /// <summary>The objects, workload by workload in declaration order (controller, Service, PodDisruptionBudget),
    /// then the fleet's NetworkPolicy.</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects { get; }

    /// <summary>Every field Kubernetes cannot express as declared, with what the manifests do instead.</summary>
    public IReadOnlyList<ExportWarning> Warnings { get; }

    /// <summary>The Secret keys the pods read; they must exist before the pods start. No value is ever exported.</summary>
    public IReadOnlyList<SecretKeyReference> Secrets { get; }

    /// <summary>The objects of the given model type, such as <c>OfType&lt;V1Deployment&gt;()</c>.</summary>
    public IEnumerable<T> OfType<T>() => Objects.OfType<T>();

    /// <summary>All objects as one YAML stream, documents separated by <c>---</c>, ready for <c>kubectl apply -f</c>.</summary>
    public string ToYaml() => KubernetesYaml.SerializeAll(Objects);
}
