using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Runtime;

namespace Orchestration.LeaderElection.Fencing;

/// <summary>Undoes a deposed leader's late writes: a container that appears after this leader's term began, carrying
/// an older term, was created by an instance that no longer leads; it is removed through its runtime (whose watch
/// wakes its workload to reconcile).</summary>
internal sealed class LateWriteSweeper
{
    private readonly IReadOnlyList<IContainerRuntime> _runtimes;
    private readonly IEventHub _events;
    private readonly TimeProvider _time;
    private readonly string _fleet;
    private HashSet<string> _baseline = new(StringComparer.Ordinal);
    private long _baselineTerm;

    public LateWriteSweeper(IEnumerable<IContainerRuntime> runtimes, IEventHub events, TimeProvider time, IOptions<OrchestrationOptions> options)
    {
        _runtimes = [.. runtimes];
        _events = events;
        _time = time;
        _fleet = options.Value.FleetName;
    }

    /// <summary>The term whose baseline is taken: sweeps act in that term only.</summary>
    public long BaselineTerm => Volatile.Read(ref _baselineTerm);

    /// <summary>Records every container that exists as term <paramref name="term"/> begins: those are never late
    /// writes. Until it has, nothing is swept in that term.</summary>
    public async Task BeginTermAsync(long term, CancellationToken cancellationToken)
    {
        var baseline = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, container) in await ListAsync(skipUnanswering: false, cancellationToken).ConfigureAwait(false))
        {
            baseline.Add(container.Ref.Id);
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

        foreach (var (runtime, container) in await ListAsync(skipUnanswering: true, cancellationToken).ConfigureAwait(false))
        {
            if (container.Label(OrchestrationLabels.Workload) is not { } workload
                || _baseline.Contains(container.Ref.Id)
                || !long.TryParse(container.Label(OrchestrationLabels.Term), NumberStyles.None, CultureInfo.InvariantCulture, out var written)
                || written >= term)
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

    /// <summary>The fleet's containers on every runtime, each with the runtime that runs it (listed, as the control
    /// loop's watch does, so this package needs nothing but the runtimes' public contract). A baseline needs every
    /// runtime's answer; a sweep passes over a runtime that does not answer (its node is down, the control loop
    /// reports it) and sweeps it once it answers again.</summary>
    private async Task<List<(IContainerRuntime Runtime, ContainerInfo Container)>> ListAsync(bool skipUnanswering, CancellationToken cancellationToken)
    {
        var containers = new List<(IContainerRuntime, ContainerInfo)>();
        foreach (var runtime in _runtimes)
        {
            IReadOnlyList<ContainerInfo> listed;
            try
            {
                listed = await runtime.ListContainersAsync(_fleet, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (skipUnanswering && ex is not OperationCanceledException)
            {
                continue;
            }

            foreach (var container in listed)
            {
                containers.Add((runtime, container));
            }
        }

        return containers;
    }
}
