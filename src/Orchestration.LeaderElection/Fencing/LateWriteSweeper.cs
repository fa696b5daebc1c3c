using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Leadership;
using Orchestration.Runtime;

namespace Orchestration.LeaderElection.Fencing;

/// <summary>Undoes a deposed leader's late writes: a container that appears after this leader's term began, carrying
/// an older term, was created by an instance that no longer leads; it is removed through its runtime (whose watch
/// wakes its workload to reconcile). Sweeps read the control loop's observed containers, so they cost no engine call.</summary>
internal sealed class LateWriteSweeper
{
    private readonly IReadOnlyList<IContainerRuntime> _runtimes;
    private readonly IObservedContainers _observed;
    private readonly IEventHub _events;
    private readonly TimeProvider _time;
    private readonly string _fleet;
    private HashSet<string> _baseline = new(StringComparer.Ordinal);
    private long _baselineTerm;

    public LateWriteSweeper(IEnumerable<IContainerRuntime> runtimes, IObservedContainers observed, IEventHub events, TimeProvider time, IOptions<OrchestrationOptions> options)
    {
        _runtimes = [.. runtimes];
        _observed = observed;
        _events = events;
        _time = time;
        _fleet = options.Value.FleetName;
    }

    /// <summary>The term whose baseline is taken: sweeps act in that term only.</summary>
    public long BaselineTerm => Volatile.Read(ref _baselineTerm);

    /// <summary>Records every container that exists as term <paramref name="term"/> begins (observed, and listed by
    /// every runtime, which must answer): those are never late writes. Until it has, nothing is swept in that term.</summary>
    public async Task BeginTermAsync(long term, CancellationToken cancellationToken)
    {
        var baseline = new HashSet<string>(_observed.List().Select(c => c.Ref.Id), StringComparer.Ordinal);
        foreach (var runtime in _runtimes)
        {
            foreach (var container in await runtime.ListContainersAsync(_fleet, cancellationToken).ConfigureAwait(false))
            {
                baseline.Add(container.Ref.Id);
            }
        }

        _baseline = baseline;
        Volatile.Write(ref _baselineTerm, term);
    }

    /// <summary>Removes the late writes seen so far; returns how many.</summary>
    public async Task<int> SweepAsync(long term, CancellationToken cancellationToken)
    {
        var removed = 0;
        if (Volatile.Read(ref _baselineTerm) != term)
        {
            return removed;
        }

        foreach (var container in _observed.List())
        {
            if (container.Label(OrchestrationLabels.Workload) is not { } workload
                || _baseline.Contains(container.Ref.Id)
                || !long.TryParse(container.Label(OrchestrationLabels.Term), NumberStyles.None, CultureInfo.InvariantCulture, out var written)
                || written >= term
                || _observed.RuntimeOf(container.Ref.Node) is not { } runtime)
            {
                continue;
            }

            await runtime.RemoveAsync(container.Ref, cancellationToken).ConfigureAwait(false);
            _baseline.Add(container.Ref.Id);
            removed++;
            _events.Publish(new LateWriteUndone { Time = _time.GetUtcNow(), Fleet = _fleet, Workload = workload, ContainerId = container.Ref.Id, ContainerTerm = written, Term = term });
        }

        return removed;
    }
}
