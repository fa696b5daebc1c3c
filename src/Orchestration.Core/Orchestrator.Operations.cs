using Orchestration.Events;
using Orchestration.Runtime;

namespace Orchestration;

/// <summary>Restarting a single replica, and the record of operations users asked for.</summary>
internal sealed partial class Orchestrator
{
    public async Task RestartReplicaAsync(string workload, string replicaId, CancellationToken cancellationToken = default)
    {
        var (container, runtime) = CurrentContainer(workload, replicaId);
        await runtime.RemoveAsync(container, cancellationToken).ConfigureAwait(false);
        _loop.Queue?.Add(workload);
    }

    public void RecordOperation(string user, string operation, string target, OperationOutcome outcome, string? detail = null, string? workload = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentNullException.ThrowIfNull(target);
        _events.Publish(new OperationRecorded
        {
            Time = _time.GetUtcNow(),
            Fleet = FleetName,
            Workload = workload,
            User = user,
            Operation = operation,
            Target = target,
            Outcome = outcome,
            Detail = detail,
        });
    }

    /// <summary>Waits until the replica runs in a container other than <paramref name="previous"/>; <see langword="null"/>
    /// when the replica is gone.</summary>
    private async Task<(ContainerRef Ref, IContainerRuntime Runtime)?> NextContainerAsync(string workload, string replicaId, string previous, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = _status.Changed.Next;
            var replica = _status.Get(workload)?.Replicas.FirstOrDefault(r => string.Equals(r.Id, replicaId, StringComparison.Ordinal));
            if (replica is null)
            {
                return null;
            }

            if (replica is { ContainerId: { } id, Node: { } node } && !string.Equals(id, previous, StringComparison.Ordinal)
                && _observed.Node(node)?.Runtime is { } runtime)
            {
                return (new ContainerRef(node, id), runtime);
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private (ContainerRef Ref, IContainerRuntime Runtime) CurrentContainer(string workload, string replicaId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workload);
        ArgumentException.ThrowIfNullOrWhiteSpace(replicaId);
        var status = _status.Get(workload)
            ?? throw UnknownWorkload.Exception(workload, FleetName, _store.Current?.Workloads.Select(w => w.Name) ?? [], nameof(workload));
        var replica = status.Replicas.FirstOrDefault(r => string.Equals(r.Id, replicaId, StringComparison.Ordinal))
            ?? throw new ArgumentException($"Workload '{workload}' has no replica '{replicaId}'.", nameof(replicaId));
        if (replica is not { ContainerId: { } id, Node: { } node })
        {
            throw new ArgumentException($"Replica '{workload}/{replicaId}' has no container now (phase {replica.Phase}).", nameof(replicaId));
        }

        var runtime = _observed.Node(node)?.Runtime
            ?? throw new ArgumentException($"Replica '{workload}/{replicaId}' is on node '{node}', which no runtime reports now.", nameof(replicaId));
        return (new ContainerRef(node, id), runtime);
    }
}
