using Orchestration.Runtime;

namespace Orchestration.Docker.Tests.Infrastructure;

/// <summary>Reads a runtime's event stream in the background and lets a test await an event matching a condition.</summary>
public sealed class EventRecorder
{
    private readonly List<RuntimeEvent> _seen = [];
    private readonly List<(Func<RuntimeEvent, bool> Match, TaskCompletionSource<RuntimeEvent> Done)> _waiters = [];

    public EventRecorder(IAsyncEnumerable<RuntimeEvent> events) => Completion = Task.Run(() => ReadAsync(events));

    public Task Completion { get; }

    public IReadOnlyList<RuntimeEvent> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public async Task<RuntimeEvent> WaitForAsync(Func<RuntimeEvent, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<RuntimeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_seen)
        {
            if (_seen.FirstOrDefault(match) is { } already)
            {
                return already;
            }

            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No matching event within {timeout}; seen: {string.Join("; ", Seen.Select(e => $"{e.Kind} {e.Node} {e.ContainerId?[..Math.Min(12, e.ContainerId.Length)]} {e.ExitCode}"))}");
        }
    }

    private async Task ReadAsync(IAsyncEnumerable<RuntimeEvent> events)
    {
        await foreach (var e in events)
        {
            lock (_seen)
            {
                _seen.Add(e);
                foreach (var waiter in _waiters.Where(w => w.Match(e)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult(e);
                }
            }
        }
    }
}
