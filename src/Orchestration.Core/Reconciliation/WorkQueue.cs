namespace Orchestration.Reconciliation;

/// <summary>A de-duplicating queue of keys, as in client-go: a key queued twice is taken once; a key added while it
/// is being processed runs once more after <see cref="Done"/>; a key is never handed to two workers at once. Delayed
/// adds and per-key exponential backoff use the <see cref="TimeProvider"/>.</summary>
internal sealed class WorkQueue : IDisposable
{
    private static readonly TimeSpan BaseFailureDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxFailureDelay = TimeSpan.FromSeconds(60);
    private readonly object _gate = new();
    private readonly Queue<string> _queue = new();
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly HashSet<string> _processing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Due, ITimer Timer)> _delayed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _available = new(0);
    private readonly TimeProvider _time;
    private TaskCompletionSource _idle = NewIdle(completed: true);
    private bool _shutDown;
    private long _activity;

    public WorkQueue(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Grows with every add and every finished key; unchanged means nothing happened.</summary>
    public long Activity => Interlocked.Read(ref _activity);

    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count == 0 && _processing.Count == 0;
            }
        }
    }

    public int Failures(string key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>Completes when no key is queued or being processed (delayed keys do not count).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _idle.Task;
        }
    }

    public void Add(string key)
    {
        lock (_gate)
        {
            if (_shutDown || !_dirty.Add(key))
            {
                return;
            }

            Interlocked.Increment(ref _activity);
            if (_idle.Task.IsCompleted)
            {
                _idle = NewIdle(completed: false);
            }

            if (_processing.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _available.Release();
    }

    /// <summary>Adds <paramref name="key"/> after <paramref name="delay"/>; an earlier pending add wins.</summary>
    public void AddAfter(string key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_shutDown)
            {
                return;
            }

            var due = _time.GetUtcNow() + delay;
            if (_delayed.TryGetValue(key, out var existing))
            {
                if (existing.Due <= due)
                {
                    return;
                }

                existing.Timer.Dispose();
            }

            ITimer timer;
            using (ExecutionContext.SuppressFlow())
            {
                // Not the caller's context (a reconcile and its trace span): the timer only puts the key back.
                timer = _time.CreateTimer(_ => Fire(key), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            _delayed[key] = (due, timer);
            timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Adds <paramref name="key"/> after its backoff: 50 ms doubling per consecutive failure, up to 60 s.</summary>
    public TimeSpan AddRateLimited(string key)
    {
        TimeSpan delay;
        lock (_gate)
        {
            var failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;
            delay = TimeSpan.FromTicks(Math.Min(MaxFailureDelay.Ticks, BaseFailureDelay.Ticks << Math.Min(failures, 20)));
        }

        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Clears <paramref name="key"/>'s failure count.</summary>
    public void Forget(string key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>The next key, or <see langword="null"/> once shut down.</summary>
    public async Task<string?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                if (_shutDown)
                {
                    return null;
                }

                if (_queue.TryDequeue(out var key))
                {
                    _dirty.Remove(key);
                    _processing.Add(key);
                    return key;
                }
            }
        }
    }

    /// <summary>Marks <paramref name="key"/> processed; it runs again if it was added meanwhile.</summary>
    public void Done(string key)
    {
        var requeued = false;
        lock (_gate)
        {
            _processing.Remove(key);
            Interlocked.Increment(ref _activity);
            if (_dirty.Contains(key) && !_shutDown)
            {
                _queue.Enqueue(key);
                requeued = true;
            }
            else if (_queue.Count == 0 && _processing.Count == 0)
            {
                _idle.TrySetResult();
            }
        }

        if (requeued)
        {
            _available.Release();
        }
    }

    public void ShutDown(int workers)
    {
        lock (_gate)
        {
            _shutDown = true;
            foreach (var (_, timer) in _delayed.Values)
            {
                timer.Dispose();
            }

            _delayed.Clear();
            _idle.TrySetResult();
        }

        _available.Release(Math.Max(1, workers));
    }

    public void Dispose() => ShutDown(1);

    private void Fire(string key)
    {
        lock (_gate)
        {
            if (_delayed.Remove(key, out var entry))
            {
                entry.Timer.Dispose();
            }
        }

        Add(key);
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            tcs.SetResult();
        }

        return tcs;
    }
}
