using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Observed;
using Orchestration.Reconciliation;
using Orchestration.Runtime;

namespace Orchestration.LeaderElection.Fencing;

/// <summary>Undoes a deposed leader's late writes: a container that appears after this leader's term began, carrying
/// an older term, was created by an instance that no longer leads; it is removed and its workload reconciled.</summary>
internal sealed class LateWriteSweeper
{
    private readonly IReadOnlyList<IContainerRuntime> _runtimes;
    private readonly ObservedState _observed;
    private readonly EventHub _events;
    private readonly WakeRequests _wake;
    private readonly TimeProvider _time;
    private readonly string _fleet;
    private HashSet<string> _baseline = new(StringComparer.Ordinal);
    private long _baselineTerm;

    public LateWriteSweeper(IEnumerable<IContainerRuntime> runtimes, ObservedState observed, EventHub events, WakeRequests wake, TimeProvider time, IOptions<OrchestrationOptions> options)
    {
        _runtimes = [.. runtimes];
        _observed = observed;
        _events = events;
        _wake = wake;
        _time = time;
        _fleet = options.Value.FleetName;
    }

    /// <summary>The term whose baseline is taken: sweeps act in that term only.</summary>
    public long BaselineTerm => Volatile.Read(ref _baselineTerm);

    /// <summary>Records every container that exists as term <paramref name="term"/> begins: those are never late
    /// writes. Until it has, nothing is swept in that term.</summary>
    public async Task BeginTermAsync(long term, CancellationToken cancellationToken)
    {
        var baseline = new HashSet<string>(Observed().Select(c => c.Ref.Id), StringComparer.Ordinal);
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

        foreach (var container in Observed())
        {
            if (_baseline.Contains(container.Ref.Id)
                || !long.TryParse(container.Label(OrchestrationLabels.Term), NumberStyles.None, CultureInfo.InvariantCulture, out var written)
                || written >= term
                || _observed.Node(container.Ref.Node)?.Runtime is not { } runtime)
            {
                continue;
            }

            await runtime.RemoveAsync(container.Ref, cancellationToken).ConfigureAwait(false);
            _baseline.Add(container.Ref.Id);
            removed++;
            var workload = container.Label(OrchestrationLabels.Workload);
            _events.Publish(new LateWriteUndone { Time = _time.GetUtcNow(), Fleet = _fleet, Workload = workload, ContainerId = container.Ref.Id, ContainerTerm = written, Term = term });
            if (workload is not null)
            {
                _wake.Wake(workload);
            }
        }

        return removed;
    }

    private IEnumerable<ContainerInfo> Observed() => _observed.Workloads().SelectMany(_observed.ContainersOf);
}
