using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Orchestration.Autoscaling;

/// <summary>The last decision of every autoscaler, for <see cref="FleetStatus.Autoscalers"/>.</summary>
internal sealed class AutoscalerStatusBoard
{
    private readonly ConcurrentDictionary<string, AutoscalerStatus> _rows = new(StringComparer.Ordinal);

    public void Set(AutoscalerStatus row) => _rows[row.Workload] = row;

    public AutoscalerStatus? Get(string workload) => _rows.GetValueOrDefault(workload);

    public void Remove(string workload) => _rows.TryRemove(workload, out _);

    public ImmutableArray<AutoscalerStatus> Rows() => [.. _rows.Values.OrderBy(r => r.Workload, StringComparer.Ordinal)];
}
