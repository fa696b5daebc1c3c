using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orchestration.Leadership;
using Orchestration.Observed;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Creates, stops and removes containers through the runtime of their node, and records each request as an
/// expectation (Kubernetes' pod control). The only way controllers act on containers.</summary>
internal sealed class ContainerControl
{
    private static readonly TimeSpan GarbageRemovalTimeout = TimeSpan.FromSeconds(30);

    private readonly ObservedState _observed;
    private readonly Expectations _expectations;
    private readonly LaunchFactory _launches;
    private readonly TimeProvider _time;
    private readonly int _maxParallel;
    private readonly ILeadership _leadership;
    private readonly string _fleet;

    /// <summary>Container ids whose background removal is under way, so a reconcile does not start a second one.</summary>
    private readonly ConcurrentDictionary<string, byte> _removing = new(StringComparer.Ordinal);

    public ContainerControl(ObservedState observed, Expectations expectations, LaunchFactory launches, TimeProvider time, IOptions<OrchestrationOptions> options, ILeadership leadership)
    {
        _leadership = leadership;
        _fleet = options.Value.FleetName;
        _observed = observed;
        _expectations = expectations;
        _launches = launches;
        _time = time;
        _maxParallel = options.Value.MaxParallelStarts;
    }

    public IContainerRuntime? RuntimeOf(string node) => _observed.Node(node)?.Runtime;

    /// <summary>Whether <paramref name="node"/> is known and Ready.</summary>
    public bool IsReady(string node) => _observed.Node(node)?.Info.State == NodeState.Ready;

    /// <summary>Makes sure the image is on the node and starts the replica's next container.</summary>
    /// <exception cref="ImageUnavailableException">The node cannot have the image now.</exception>
    public async Task<ContainerInfo> StartAsync(WorkloadSpec spec, ReplicaRecord record, CancellationToken cancellationToken)
    {
        var node = record.Node!;
        var runtime = RuntimeOf(node) ?? throw new InvalidOperationException($"Node '{node}' belongs to no runtime.");
        record.Attempt++;
        var launch = await _launches.CreateAsync(spec, record, node, cancellationToken).ConfigureAwait(false);
        await runtime.EnsureImageAsync(launch, cancellationToken).ConfigureAwait(false);
        EnsureLeader();
        var info = await runtime.StartAsync(launch, cancellationToken).ConfigureAwait(false);
        _expectations.ExpectCreated(spec.Name, info, _time.GetUtcNow());
        return info;
    }

    /// <summary>Stops the container (signal, then a kill after <paramref name="grace"/>) and removes it. A node that
    /// does not answer keeps it; it is removed when the node is back (it belongs to no replica then).</summary>
    public async Task StopAndRemoveAsync(string workload, ContainerRef container, TimeSpan grace, CancellationToken cancellationToken)
    {
        var runtime = RuntimeOf(container.Node);
        if (runtime is not null)
        {
            EnsureLeader();
            try
            {
                if (grace > TimeSpan.Zero)
                {
                    await runtime.StopAsync(container, grace, cancellationToken).ConfigureAwait(false);
                }

                await runtime.RemoveAsync(container, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!IsReady(container.Node) && !cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }

        _expectations.ExpectDeleted(workload, container, _time.GetUtcNow());
    }

    /// <summary>Removes a container no replica needs any more (the ended container of a replica that restarts) off
    /// the reconcile's critical path: the replacement has a name of its own. A removal that fails leaves the
    /// container observed, and the next reconcile of its workload finds it again and retries.</summary>
    public void RemoveInBackground(string workload, ContainerRef container)
    {
        if (_observed.Node(container.Node) is { } node && node.Info.State != NodeState.Ready)
        {
            // It would only fail; it stays observed, and the reconcile that follows the node's return removes it.
            return;
        }

        if (_removing.TryAdd(container.Id, 0))
        {
            _ = RemoveGarbageAsync(workload, container);
        }
    }

    /// <summary>Runs <paramref name="action"/> for every item, at most <see cref="OrchestrationOptions.MaxParallelStarts"/>
    /// at a time.</summary>
    public async Task ForEachLimitedAsync<T>(IReadOnlyList<T> items, Func<T, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        if (items.Count == 1 || _maxParallel == 1)
        {
            foreach (var item in items)
            {
                await action(item, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = _maxParallel, CancellationToken = cancellationToken }, async (item, ct) => await action(item, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>Fencing: an instance that does not lead (any more) never acts on an engine.</summary>
    private void EnsureLeader()
    {
        if (!_leadership.IsLeader)
        {
            throw new NotLeaderException(_fleet);
        }
    }

    private async Task RemoveGarbageAsync(string workload, ContainerRef container)
    {
        try
        {
            if (RuntimeOf(container.Node) is { } runtime)
            {
                EnsureLeader();
                using var deadline = new CancellationTokenSource(GarbageRemovalTimeout);
                await runtime.RemoveAsync(container, deadline.Token).ConfigureAwait(false);
            }

            _expectations.ExpectDeleted(workload, container, _time.GetUtcNow());
        }
        catch (Exception)
        {
            // Still observed: the next reconcile of its workload (an event, the periodic resync) tries again.
        }
        finally
        {
            _removing.TryRemove(container.Id, out _);
        }
    }
}
