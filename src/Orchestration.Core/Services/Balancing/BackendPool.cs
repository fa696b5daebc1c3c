namespace Orchestration.Services;

/// <summary>The replicas a balancer may send new connections to, and the choice among them. Updated from the
/// endpoint table; a replica that leaves is retired at once (no new connection) and returned so that its open
/// connections can drain.</summary>
internal sealed class BackendPool
{
    private readonly BalancingStrategy _strategy;
    private readonly List<Backend> _early = [];
    private volatile Backend[] _live = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _next = -1;

    public BackendPool(BalancingStrategy strategy)
    {
        _strategy = strategy;
    }

    public Backend[] Live => _live;

    /// <summary>Completes at the next change of the live set.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>Makes <paramref name="routes"/> the live set; returns the backends that left it, already retired.</summary>
    public IReadOnlyList<Backend> Update(IReadOnlyList<ReplicaRoute> routes)
    {
        var current = Live;
        var next = routes
            .Select(r => current.FirstOrDefault(b => b.ReplicaId == r.ReplicaId && b.Address == r.Address) ?? AdoptEarly(r) ?? new Backend(r.ReplicaId, r.Address))
            .ToArray();
        ForgetIdleEarly(routes);
        var left = current.Where(b => !next.Contains(b)).ToList();
        foreach (var backend in left)
        {
            backend.Retire();
        }

        if (left.Count > 0 || next.Length != current.Length || !next.SequenceEqual(current))
        {
            _live = next;
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        return left;
    }

    /// <summary>A backend, outside the live set, for a replica that accepted a held connection before it passed
    /// readiness: its connections are counted from the start, and it joins the live set (as the same backend) when the
    /// replica becomes ready.</summary>
    public Backend Early(ReplicaRoute route)
    {
        lock (_early)
        {
            var backend = _early.FirstOrDefault(b => b.ReplicaId == route.ReplicaId && b.Address == route.Address);
            if (backend is null)
            {
                backend = new Backend(route.ReplicaId, route.Address);
                _early.Add(backend);
            }

            return backend;
        }
    }

    private Backend? AdoptEarly(ReplicaRoute route)
    {
        lock (_early)
        {
            var backend = _early.FirstOrDefault(b => b.ReplicaId == route.ReplicaId && b.Address == route.Address);
            if (backend is not null)
            {
                _early.Remove(backend);
            }

            return backend;
        }
    }

    /// <summary>Drops early backends without a connection whose replica is not live (it never became ready).</summary>
    private void ForgetIdleEarly(IReadOnlyList<ReplicaRoute> routes)
    {
        lock (_early)
        {
            _early.RemoveAll(b => b.Active == 0 && !routes.Any(r => r.ReplicaId == b.ReplicaId));
        }
    }

    /// <summary>The backend for a new connection, skipping <paramref name="tried"/>; <see langword="null"/> when none is left.</summary>
    public Backend? Pick(IReadOnlyCollection<Backend> tried)
    {
        var live = Live;
        if (live.Length == 0)
        {
            return null;
        }

        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)live.Length);
        Backend? best = null;
        for (var i = 0; i < live.Length; i++)
        {
            var candidate = live[(start + i) % live.Length];
            if (candidate.Retired || tried.Contains(candidate))
            {
                continue;
            }

            if (_strategy == BalancingStrategy.RoundRobin)
            {
                return candidate;
            }

            if (best is null || candidate.Active < best.Active)
            {
                best = candidate;
            }
        }

        return best;
    }
}
