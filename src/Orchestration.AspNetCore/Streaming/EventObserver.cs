using Orchestration.Events;

namespace Orchestration.AspNetCore.Streaming;

/// <summary>Calls an action for each event; the stream's end and errors are ignored (the page simply stops seeing events).</summary>
internal sealed class EventObserver(Action<OrchestrationEvent> onNext) : IObserver<OrchestrationEvent>
{
    public void OnNext(OrchestrationEvent value) => onNext(value);

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }
}
