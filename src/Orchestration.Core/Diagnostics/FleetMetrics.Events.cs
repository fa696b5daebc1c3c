using System.Diagnostics;
using System.Diagnostics.Metrics;
using Orchestration.Events;

namespace Orchestration.Diagnostics;

/// <summary>The counters, fed by the orchestrator's events.</summary>
internal sealed partial class FleetMetrics
{
    private void Count(OrchestrationEvent e)
    {
        switch (e)
        {
            case ReplicaScheduled:
                Add(_placements, e, MetricTags.PlacementResult, MetricTags.PlacementScheduled);
                break;
            case ReplicaPending:
                Add(_placements, e, MetricTags.PlacementResult, MetricTags.PlacementPending);
                break;
            case ReplicaStarted:
                Add(_starts, e);
                break;
            case ReplicaExited exited:
                Add(_exits, e, MetricTags.ExitClass, ExitClass(exited.ExitCode));
                break;
            case ReplicaRestartScheduled:
                Add(_restarts, e);
                break;
            case RolloutStarted:
                Add(_rolloutStarts, e);
                break;
            case RolloutCompleted:
                Add(_rolloutOutcomes, e, MetricTags.RolloutOutcome, MetricTags.RolloutCompleted);
                break;
            case RolloutRolledBack:
                Add(_rolloutOutcomes, e, MetricTags.RolloutOutcome, MetricTags.RolloutRolledBack);
                break;
            case RolloutPaused:
                Add(_rolloutOutcomes, e, MetricTags.RolloutOutcome, MetricTags.RolloutPaused);
                break;
        }
    }

    private void Add(Counter<long> counter, OrchestrationEvent e, string? tag = null, string? value = null)
    {
        var tags = new TagList { _fleet };
        if (e.Workload is { } workload)
        {
            tags.Add(MetricTags.Workload, workload);
        }

        if (tag is not null)
        {
            tags.Add(tag, value);
        }

        counter.Add(1, in tags);
    }

    private static string ExitClass(int? exitCode) => exitCode switch
    {
        null => MetricTags.ExitNone,
        0 => MetricTags.ExitSuccess,
        > 128 => MetricTags.ExitSignal,
        _ => MetricTags.ExitError,
    };
}
