using System.Globalization;
using System.Text;

namespace Orchestration;

/// <summary>A fleet's status as the text tables <c>kubectl get</c> prints: one row per workload, or per replica.</summary>
internal static class StatusTables
{
    public static string Workloads(FleetStatus status)
    {
        var rows = new List<string[]> { new[] { "NAME", "KIND", "READY", "UP-TO-DATE", "AVAILABLE", "PHASE", "REVISION", "DETAIL" } };
        foreach (var w in status.Workloads)
        {
            rows.Add(
            [
                w.Name, w.Kind.ToString(), $"{w.Ready}/{w.Desired}", Text(w.Updated), Text(w.Available), w.Phase.ToString(), w.Revision, Detail(w),
            ]);
        }

        return Format(rows);
    }

    public static string Replicas(FleetStatus status)
    {
        var rows = new List<string[]> { new[] { "WORKLOAD", "REPLICA", "NODE", "PHASE", "READY", "RESTARTS", "PORTS", "REASON" } };
        foreach (var w in status.Workloads)
        {
            foreach (var r in w.Replicas)
            {
                rows.Add(
                [
                    w.Name, r.Hostname ?? r.Id, r.Node ?? "<none>", r.Phase.ToString(), r.Ready ? "true" : "false", Text(r.Restarts),
                    string.Join(",", r.Ports.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")), r.Reason ?? string.Empty,
                ]);
            }
        }

        return Format(rows);
    }

    private static string Detail(WorkloadStatus w) => w switch
    {
        { Kind: WorkloadKind.Job } => $"succeeded {w.Succeeded}, failed {w.Failed}",
        { CronJob: { } c } => string.Create(CultureInfo.InvariantCulture,
            $"active {c.Active}, last {c.LastScheduleTime?.ToString("u", CultureInfo.InvariantCulture) ?? "<none>"}, next {(c.Suspended ? "suspended" : c.NextScheduleTime?.ToString("u", CultureInfo.InvariantCulture) ?? "<none>")}"),
        _ => string.Empty,
    };

    private static string Format(List<string[]> rows)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                text.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 3));
            }

            text.Append(Environment.NewLine);
        }

        return text.ToString();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
