using Microsoft.Extensions.Options;
using Orchestration.Events;

namespace Orchestration.AspNetCore.Streaming;

/// <summary>The latest events of the fleet, for pages that open after they happened, and the last progress of each
/// image pull or build. Subscribes when it is created (the host creates it with the hosted services, before any of them
/// starts), so a fleet's start is seen from the beginning.</summary>
internal sealed class RecentEvents : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<OrchestrationEvent> _events = new();
    private readonly Dictionary<(string Node, string Image), ImageProgress> _images = new();
    private readonly int _capacity;
    private readonly IDisposable _subscription;

    public RecentEvents(IOrchestrator orchestrator, IOptions<OrchestrationDashboardOptions> options)
    {
        _capacity = options.Value.RecentEvents;
        _subscription = orchestrator.Events.Subscribe(new EventObserver(Add));
    }

    /// <summary>The kept events, oldest first.</summary>
    public IReadOnlyList<OrchestrationEvent> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    /// <summary>The last progress of every pull or build seen, running ones first.</summary>
    public IReadOnlyList<ImageProgress> Images()
    {
        lock (_gate)
        {
            return [.. _images.Values.OrderBy(p => p.Done).ThenBy(p => p.Image, StringComparer.Ordinal)];
        }
    }

    public void Dispose() => _subscription.Dispose();

    private void Add(OrchestrationEvent e)
    {
        lock (_gate)
        {
            if (e is ImageProgress progress)
            {
                _images[(progress.Node, progress.Image)] = progress;
                if (!progress.Done && _events.LastOrDefault() is ImageProgress last && !last.Done
                    && last.Node == progress.Node && last.Image == progress.Image)
                {
                    // Running progress replaces itself in the history: one line per pull or build, not dozens.
                    return;
                }
            }

            _events.Enqueue(e);
            while (_events.Count > _capacity)
            {
                _events.Dequeue();
            }
        }
    }
}
