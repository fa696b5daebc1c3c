using Docker.DotNet.Models;
using Orchestration.Runtime.Swarm.Observed;

namespace Orchestration.Runtime.Swarm;

/// <summary>Cordon, uncordon and drain as Swarm node availability: pause, active and drain.</summary>
internal sealed class SwarmNodeOperations
{
    private readonly SwarmManager _manager;
    private readonly SwarmObserver _observer;

    public SwarmNodeOperations(SwarmManager manager, SwarmObserver observer)
    {
        _manager = manager;
        _observer = observer;
    }

    public async Task SetAvailabilityAsync(string node, string availability, CancellationToken cancellationToken)
    {
        var snapshot = _observer.Current;
        var found = snapshot.Nodes.FirstOrDefault(n => snapshot.NodeName(n) == node)
                    ?? throw new ArgumentException($"No node named '{node}' in the swarm.", nameof(node));
        var current = await _manager.CallAsync((c, ct) => c.Swarm.InspectNodeAsync(found.ID, ct), cancellationToken).ConfigureAwait(false);
        var spec = new NodeUpdateParameters
        {
            Name = current.Spec?.Name,
            Labels = current.Spec?.Labels ?? new Dictionary<string, string>(),
            Role = current.Spec?.Role ?? "worker",
            Availability = availability,
        };
        await _manager.CallAsync((c, ct) => c.Swarm.UpdateNodeAsync(found.ID, current.Version?.Index ?? 0, spec, ct), cancellationToken).ConfigureAwait(false);
        _observer.Wake();
    }

    /// <summary>Completes when no task of the fleet is meant to run on <paramref name="node"/>.</summary>
    public async Task WaitEmptyAsync(string node, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = _observer.Changed;
            var snapshot = _observer.Current;
            var id = snapshot.Nodes.FirstOrDefault(n => snapshot.NodeName(n) == node)?.ID;
            if (!snapshot.Tasks.Any(t => t.NodeID == id && t.DesiredState == TaskState.Running && t.Status?.State is not (TaskState.Shutdown or TaskState.Complete or TaskState.Failed)))
            {
                return;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
