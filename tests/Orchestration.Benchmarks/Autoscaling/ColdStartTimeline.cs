using System.Collections.Concurrent;
using Orchestration.Events;

namespace Orchestration.Benchmarks.Autoscaling;

/// <summary>When each step of a cold start happened, from the orchestrator's events for one workload: the autoscaler
/// scaled it from zero, its replica was placed, its container runs, its readiness probe passed. Cleared before each
/// run; times are wall-clock, compared with the moment the run's connection opened.</summary>
internal sealed class ColdStartTimeline(string workload) : IObserver<OrchestrationEvent>
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _first = new(StringComparer.Ordinal);

    public void Clear() => _first.Clear();

    /// <summary>Milliseconds from <paramref name="start"/> to the first event of the step, or NaN when it did not happen.</summary>
    public double Since(DateTimeOffset start, string step)
        => _first.TryGetValue(step, out var at) ? (at - start).TotalMilliseconds : double.NaN;

    public void OnNext(OrchestrationEvent value)
    {
        if (value.Workload != workload)
        {
            return;
        }

        var step = value switch
        {
            WorkloadScaled { From: 0 } => "scaled",
            ReplicaScheduled => "placed",
            ReplicaStarted => "running",
            ProbePassed { Probe: ProbeTarget.Readiness } => "ready",
            _ => null,
        };
        if (step is not null)
        {
            _first.TryAdd(step, DateTimeOffset.UtcNow);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
