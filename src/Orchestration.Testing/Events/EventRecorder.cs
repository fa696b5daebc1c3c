using System.Reactive.Linq;
using System.Reactive.Subjects;
using Orchestration.Events;

namespace Orchestration.Testing.Events;

/// <summary>Every event of a test fleet from before its start: subscribed to the orchestrator before the host starts,
/// replayed to each later subscriber, then live. Handlers given to the builder are subscribed at the same moment.</summary>
internal sealed class EventRecorder : IDisposable
{
    private readonly ReplaySubject<OrchestrationEvent> _history = new();
    private readonly List<IDisposable> _subscriptions = [];

    public EventRecorder(IOrchestrator orchestrator, IEnumerable<Action<OrchestrationEvent>> handlers)
    {
        foreach (var handler in handlers)
        {
            _subscriptions.Add(orchestrator.Events.Subscribe(handler));
        }

        _subscriptions.Add(orchestrator.Events.Subscribe(_history));
    }

    public IObservable<OrchestrationEvent> Events => _history.AsObservable();

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _history.OnCompleted();
        _history.Dispose();
    }
}
