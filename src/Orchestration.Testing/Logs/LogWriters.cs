namespace Orchestration.Testing.Logs;

/// <summary>Where a fleet's container output is written besides its logger: writers attached for the whole fleet (from
/// the builder) or for one test (<see cref="TestFleet.WriteLogsTo"/>). A writer that throws (xunit's output helper after
/// its test ended) is dropped.</summary>
internal sealed class LogWriters
{
    private readonly Lock _gate = new();
    private Action<string>[] _writers = [];

    public IDisposable Add(Action<string> writer)
    {
        lock (_gate)
        {
            _writers = [.. _writers, writer];
        }

        return new Detach(this, writer);
    }

    public void Write(string line)
    {
        foreach (var writer in Volatile.Read(ref _writers))
        {
            try
            {
                writer(line);
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                Remove(writer);
            }
        }
    }

    private void Remove(Action<string> writer)
    {
        lock (_gate)
        {
            _writers = [.. _writers.Where(w => w != writer)];
        }
    }

    private sealed class Detach(LogWriters writers, Action<string> writer) : IDisposable
    {
        public void Dispose() => writers.Remove(writer);
    }
}
