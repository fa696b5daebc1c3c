using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using Orchestration.Events;

namespace Orchestration.Events;

/// <summary>The one place events go through: logged, then published to subscribers.</summary>
internal sealed partial class EventHub : IEventHub, IDisposable
{
    private readonly ISubject<OrchestrationEvent> _subject = Subject.Synchronize(new Subject<OrchestrationEvent>());
    private readonly ILogger<EventHub> _logger;

    public EventHub(ILogger<EventHub> logger)
    {
        _logger = logger;
    }

    public IObservable<OrchestrationEvent> Events => _subject;

    public void Publish(OrchestrationEvent e)
    {
        if (e.IsWarning)
        {
            LogWarning(_logger, e.GetType().Name, e.Message);
        }
        else
        {
            LogInformation(_logger, e.GetType().Name, e.Message);
        }

        _subject.OnNext(e);
    }

    public void Dispose() => _subject.OnCompleted();

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{EventType}: {EventMessage}")]
    private static partial void LogInformation(ILogger logger, string eventType, string eventMessage);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{EventType}: {EventMessage}")]
    private static partial void LogWarning(ILogger logger, string eventType, string eventMessage);
}
