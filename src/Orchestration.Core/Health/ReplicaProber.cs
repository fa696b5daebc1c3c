namespace Orchestration.Health;

/// <summary>Runs the probes of one replica's container on timers of the injected <see cref="TimeProvider"/>: the
/// startup probe first, until it passes; then readiness and liveness, each on its own period. Reports every change of
/// the replica's <see cref="ReplicaHealth"/> and every threshold crossed.</summary>
internal sealed class ReplicaProber : IDisposable
{
    private readonly object _gate = new();
    private readonly ProbeExecutor _executor;
    private readonly TimeProvider _time;
    private readonly Action<ReplicaProber, ProbeVerdict> _report;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<ProbeTarget, ProbeLoop> _loops = [];
    private bool _disposed;

    public ReplicaProber(ProbeTargetInfo target, ProbeSet probes, ProbeExecutor executor, TimeProvider time, Action<ReplicaProber, ProbeVerdict> report, ReplicaHealth? carried = null)
    {
        Target = target;
        Probes = probes;
        _executor = executor;
        _time = time;
        _report = report;
        Health = carried ?? ReplicaHealth.Initial(probes);
    }

    public ProbeTargetInfo Target { get; }

    public ProbeSet Probes { get; }

    public ReplicaHealth Health { get; private set; }

    public void Start()
    {
        lock (_gate)
        {
            if (Probes.Startup is { } startup && !Health.Started)
            {
                Begin(ProbeTarget.Startup, startup);
            }
            else
            {
                BeginSteadyProbes();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var loop in _loops.Values)
            {
                loop.Timer.Dispose();
            }

            _loops.Clear();
        }

        _stop.Cancel();
        _stop.Dispose();
    }

    private void BeginSteadyProbes()
    {
        if (Probes.Readiness is { } readiness)
        {
            Begin(ProbeTarget.Readiness, readiness);
        }

        if (Probes.Liveness is { } liveness)
        {
            Begin(ProbeTarget.Liveness, liveness);
        }
    }

    private void Begin(ProbeTarget role, ProbeSpec probe)
    {
        var loop = new ProbeLoop(role, probe);
        _loops[role] = loop;
        // The timer outlives the reconcile that creates it: it must not carry that reconcile's execution context (its
        // trace span would become the parent of every probe's activity long after it ended).
        using (ExecutionContext.SuppressFlow())
        {
            loop.Timer = _time.CreateTimer(static s => ((ProbeTick)s!).Run(), new ProbeTick(this, loop), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        loop.Timer.Change(probe.InitialDelay, Timeout.InfiniteTimeSpan);
    }

    private async Task CheckAsync(ProbeLoop loop)
    {
        CancellationToken token;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            token = _stop.Token;
        }

        ProbeOutcome outcome;
        try
        {
            outcome = await _executor.RunAsync(Target, loop.Role, loop.Probe, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        ProbeVerdict? verdict;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            verdict = Record(loop, outcome);
            if (_loops.ContainsKey(loop.Role))
            {
                loop.Timer.Change(loop.Probe.Period, Timeout.InfiniteTimeSpan);
            }
        }

        if (verdict is { } v)
        {
            _report(this, v);
        }
    }

    /// <summary>Counts the outcome and returns what changed, if a threshold was crossed.</summary>
    private ProbeVerdict? Record(ProbeLoop loop, ProbeOutcome outcome)
    {
        if (outcome.Success)
        {
            loop.Failures = 0;
            loop.Successes++;
            if (loop.Successes < loop.Probe.SuccessThreshold || loop.Passing == true)
            {
                return null;
            }

            loop.Passing = true;
            return Passed(loop);
        }

        loop.Successes = 0;
        loop.Failures++;
        Health = Health with { LastFailure = $"{loop.Role.ToString().ToLowerInvariant()} probe failed: {outcome.Failure}" };
        if (loop.Failures < loop.Probe.FailureThreshold || loop.Passing == false)
        {
            return null;
        }

        loop.Passing = false;
        return Failed(loop, outcome.Failure ?? "failed");
    }

    private ProbeVerdict Passed(ProbeLoop loop)
    {
        switch (loop.Role)
        {
            case ProbeTarget.Startup:
                Stop(loop);
                Health = Health with { Started = true, Ready = Probes.Readiness is null, LastFailure = null };
                BeginSteadyProbes();
                break;
            case ProbeTarget.Readiness:
                Health = Health with { Ready = true, LastFailure = null };
                break;
        }

        return new ProbeVerdict(loop.Role, true, null, 0, Health);
    }

    private ProbeVerdict Failed(ProbeLoop loop, string failure)
    {
        var role = loop.Role.ToString().ToLowerInvariant();
        switch (loop.Role)
        {
            case ProbeTarget.Readiness:
                Health = Health with { Ready = false };
                break;
            default:
                Stop(loop);
                Health = Health with { Ready = false, Unhealthy = $"{role} probe failed: {failure}" };
                break;
        }

        return new ProbeVerdict(loop.Role, false, failure, loop.Failures, Health);
    }

    private void Stop(ProbeLoop loop)
    {
        loop.Timer.Dispose();
        _loops.Remove(loop.Role);
    }

    private sealed class ProbeLoop(ProbeTarget role, ProbeSpec probe)
    {
        public ProbeTarget Role { get; } = role;

        public ProbeSpec Probe { get; } = probe;

        public ITimer Timer { get; set; } = null!;

        public int Successes { get; set; }

        public int Failures { get; set; }

        public bool? Passing { get; set; }
    }

    private sealed class ProbeTick(ReplicaProber prober, ProbeLoop loop)
    {
        public void Run() => _ = prober.CheckAsync(loop);
    }
}

