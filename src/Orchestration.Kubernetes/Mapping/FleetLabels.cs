using System.Text.RegularExpressions;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>The recommended <c>app.kubernetes.io/*</c> labels that tie objects to their fleet and workload, and the
/// user's labels where Kubernetes accepts them.</summary>
internal static partial class FleetLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "orchestration";

    /// <summary>Labels of objects that belong to the fleet as a whole.</summary>
    public static Dictionary<string, string> ForFleet(FleetSpec fleet)
        => new(StringComparer.Ordinal) { [PartOf] = fleet.Name, [ManagedBy] = ManagedByValue };

    /// <summary>The labels a workload's pods are selected by: its name and its fleet. Never the user's labels, so that
    /// changing them never changes an (immutable) selector.</summary>
    public static Dictionary<string, string> Selector(FleetSpec fleet, string workload)
        => new(StringComparer.Ordinal) { [Name] = workload, [PartOf] = fleet.Name };

    /// <summary>Selector labels, managed-by, and every user label that is a valid Kubernetes label.</summary>
    public static Dictionary<string, string> ForWorkload(ExportContext context, WorkloadSpec workload)
    {
        var labels = Selector(context.Fleet, workload.Name);
        labels[ManagedBy] = ManagedByValue;
        foreach (var (key, value) in workload.Labels)
        {
            if (IsValidKey(key) && IsValidValue(value) && !labels.ContainsKey(key))
            {
                labels[key] = value;
            }
        }

        return labels;
    }

    /// <summary>User labels Kubernetes does not accept as labels; they travel as annotations instead.</summary>
    public static Dictionary<string, string>? AsAnnotations(WorkloadSpec workload)
    {
        Dictionary<string, string>? annotations = null;
        foreach (var (key, value) in workload.Labels)
        {
            if (!IsValidKey(key) || !IsValidValue(value) || key is Name or PartOf or ManagedBy)
            {
                (annotations ??= new(StringComparer.Ordinal))[key] = value;
            }
        }

        return annotations;
    }

    /// <summary>Reports each user label that became an annotation.</summary>
    public static void ReportAnnotations(ExportContext context, WorkloadSpec workload)
    {
        foreach (var (key, value) in workload.Labels)
        {
            if (key is Name or PartOf or ManagedBy)
            {
                context.Warn($"{ExportContext.PathOf(workload)}.labels[\"{key}\"]", "is a label the export sets itself; the value is carried as an annotation instead");
            }
            else if (!IsValidKey(key) || !IsValidValue(value))
            {
                context.Warn($"{ExportContext.PathOf(workload)}.labels[\"{key}\"]", "is not a valid Kubernetes label (key: optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.'; value: the same, or empty); it is carried as an annotation instead");
            }
        }
    }

    private static bool IsValidKey(string key)
    {
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length is 0 or > 253 || !DnsSubdomain().IsMatch(prefix))
            {
                return false;
            }
        }

        return name.Length is > 0 and <= 63 && LabelName().IsMatch(name);
    }

    private static bool IsValidValue(string value)
        => value.Length == 0 || (value.Length <= 63 && LabelName().IsMatch(value));

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelName();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();
}
