using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>What every mapper of one export shares: the fleet, the options, and the warnings and secret references
/// found so far.</summary>
internal sealed class ExportContext
{
    private readonly List<ExportWarning> _warnings = [];
    private readonly Dictionary<string, SecretKeyReference> _secrets = new(StringComparer.Ordinal);

    public ExportContext(FleetSpec fleet, KubernetesExportOptions options)
    {
        Fleet = fleet;
        Options = options;
        SecretObjectName = options.SecretObjectName ?? $"{fleet.Name}-secrets";
    }

    public FleetSpec Fleet { get; }

    public KubernetesExportOptions Options { get; }

    public string SecretObjectName { get; }

    public IReadOnlyList<ExportWarning> Warnings => _warnings;

    public IReadOnlyList<SecretKeyReference> Secrets => [.. _secrets.Values.OrderBy(s => s.Key, StringComparer.Ordinal)];

    public static string PathOf(WorkloadSpec workload) => $"workloads[\"{workload.Name}\"]";

    public void Warn(string field, string message) => _warnings.Add(new ExportWarning(field, message));

    /// <summary>Records that the manifests read <paramref name="key"/> of the fleet's Secret object.</summary>
    public void RequireSecret(string key, string secretName)
        => _secrets.TryAdd(key, new SecretKeyReference(SecretObjectName, key, secretName));

    /// <summary>Metadata of an object named <paramref name="name"/> that belongs to <paramref name="workload"/>.</summary>
    public V1ObjectMeta Metadata(string name, WorkloadSpec? workload)
        => new()
        {
            Name = name,
            NamespaceProperty = Options.Namespace,
            Labels = workload is null ? FleetLabels.ForFleet(Fleet) : FleetLabels.ForWorkload(this, workload),
        };
}
