using Orchestration.Runtime.Docker.Client;
using Orchestration.Runtime.Docker.Containers;
using Orchestration.Runtime.Docker.Networks;

namespace Orchestration.Runtime.Docker.Events;

/// <summary>Reads the container a creation or start event is about (one inspect), so that the event carries it and
/// the orchestrator records a container it does not know yet without listing every container again.</summary>
internal sealed class EventContainerReader(ContainerLifecycle lifecycle, FleetNetworks networks)
{
    /// <summary>Whether an event of this kind carries its container.</summary>
    public static bool Carries(RuntimeEventKind kind) => kind is RuntimeEventKind.Created or RuntimeEventKind.Started;

    /// <summary>The event with its container; <see langword="null"/> when the container is already gone (its destroy
    /// event follows); the event as it was when the engine did not answer (the reader then lists again).</summary>
    public async Task<RuntimeEvent?> AttachAsync(DockerNode node, string fleet, RuntimeEvent mapped, CancellationToken cancellationToken)
    {
        if (mapped.ContainerId is not { } id || !Carries(mapped.Kind))
        {
            return mapped;
        }

        try
        {
            var info = await lifecycle.InspectAsync(node, id, networks.NameOf(fleet), cancellationToken).ConfigureAwait(false);
            return mapped with { Container = info };
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return mapped;
        }
    }
}
