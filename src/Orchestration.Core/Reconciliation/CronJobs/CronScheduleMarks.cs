using System.Collections.Concurrent;

namespace Orchestration.Reconciliation;

/// <summary>Each cron job's last schedule time (occurrences up to it are dealt with), kept beside the controllers'
/// books so a store outside the process can carry it to the next leader or the next start: a cron job whose book is
/// new starts counting its schedule from its restored mark rather than from now, so it neither runs an occurrence
/// again nor loses the ones missed while no instance led.</summary>
internal sealed class CronScheduleMarks
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _marks = new(StringComparer.Ordinal);

    /// <summary>Raised when a mark moved.</summary>
    public event Action? Changed;

    public DateTimeOffset? Get(string workload) => _marks.TryGetValue(workload, out var mark) ? mark : null;

    public void Set(string workload, DateTimeOffset mark)
    {
        if (!_marks.TryGetValue(workload, out var previous) || previous != mark)
        {
            _marks[workload] = mark;
            Changed?.Invoke();
        }
    }

    public void Remove(string workload) => _marks.TryRemove(workload, out _);

    /// <summary>Every mark, by cron job.</summary>
    public Dictionary<string, DateTimeOffset> Snapshot() => new(_marks, StringComparer.Ordinal);

    /// <summary>Takes kept marks over; a mark only moves forward.</summary>
    public void Restore(IReadOnlyDictionary<string, DateTimeOffset> kept)
    {
        foreach (var (workload, mark) in kept)
        {
            _marks.AddOrUpdate(workload, mark, (_, current) => current > mark ? current : mark);
        }
    }
}
