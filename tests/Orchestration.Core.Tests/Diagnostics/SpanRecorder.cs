using System.Diagnostics;
using Orchestration.Diagnostics;

namespace Orchestration.Tests.Diagnostics;

/// <summary>Records, with a plain <see cref="ActivityListener"/> that samples all data, the stopped spans of the
/// orchestrator's activity source that carry one fleet's name. Listeners hear every span of the process, so the fleet's
/// name keeps out the spans of other tests running in parallel.</summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly ActivityListener _listener;

    public SpanRecorder(string fleet)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OrchestrationMetrics.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (Equals(span.GetTagItem(MetricTags.Fleet), fleet))
                {
                    lock (_spans)
                    {
                        _spans.Add(span);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The spans stopped so far.</summary>
    public IReadOnlyList<Activity> All
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>The spans of the reconciles of <paramref name="workload"/>.</summary>
    public IReadOnlyList<Activity> Of(string workload) => [.. All.Where(s => Equals(s.GetTagItem(MetricTags.Workload), workload))];

    public void Dispose() => _listener.Dispose();
}
