using System.Globalization;

namespace Orchestration.Reconciliation;

/// <summary>The names a stateful replica keeps for life: its replica id is its ordinal ("0", "1", …), its DNS name on
/// the fleet network <c>workload-ordinal</c>, and each of its volumes <c>fleet-workload-template-ordinal</c>.</summary>
internal static class StatefulIdentity
{
    public static string ReplicaId(int ordinal) => ordinal.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseOrdinal(string? id, out int ordinal)
    {
        ordinal = -1;
        return id is { Length: > 0 and <= 9 } && (id.Length == 1 || id[0] != '0')
               && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out ordinal);
    }

    public static string Hostname(string workload, int ordinal) => string.Create(CultureInfo.InvariantCulture, $"{workload}-{ordinal}");

    public static string VolumeName(string fleet, string workload, string template, int ordinal)
        => string.Create(CultureInfo.InvariantCulture, $"{fleet}-{workload}-{template}-{ordinal}");
}
