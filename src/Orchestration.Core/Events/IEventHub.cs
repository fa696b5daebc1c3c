namespace Orchestration.Events;

/// <summary>The one place the orchestrator's events go through, for packages that add to them (a runtime's image
/// progress, another control loop's changes): each published event is logged, then delivered to the subscribers of
/// <see cref="Events"/> and so of <see cref="IOrchestrator.Events"/>. Registered by <c>AddOrchestration</c>.</summary>
public interface IEventHub
{
    /// <summary>Every event published, as it is published.</summary>
    IObservable<OrchestrationEvent> Events { get; }

    /// <summary>Logs <paramref name="e"/> (warnings as warnings) and delivers it to the subscribers.</summary>
    /// <param name="e">The event.</param>
    void Publish(OrchestrationEvent e);
}
