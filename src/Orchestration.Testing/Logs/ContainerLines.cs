namespace Orchestration.Testing.Logs;

/// <summary>The last lines heard from one container, at most a fixed number.</summary>
internal sealed class ContainerLines(string workload, int capacity)
{
    private readonly Queue<LogLine> _lines = new();
    private readonly Lock _gate = new();

    public string Workload { get; } = workload;

    public long FirstHeard { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public void Add(LogLine line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public IReadOnlyList<LogLine> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }
}
