using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Observed;
using Orchestration.Reconciliation;

namespace Orchestration.Diagnostics;

/// <summary>The orchestrator's instruments on the <see cref="OrchestrationMetrics.MeterName"/> meter: counters fed by
/// the events of the <see cref="EventHub"/>, the reconcile duration recorded by <see cref="MeasuredReconciler"/>, and
/// counts observed from the <see cref="StatusBoard"/> and the observed nodes when a listener collects. The meter comes
/// from the container's <see cref="IMeterFactory"/> when it has one (which then owns it), else it is created and
/// disposed here. The events also go to the reconcile span they are published in (<see cref="ReconcileTracing"/>).</summary>
internal sealed partial class FleetMetrics : IDisposable
{
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30];

    private readonly KeyValuePair<string, object?> _fleet;
    private readonly bool _ownsMeter;
    private readonly IDisposable _subscription;
    private readonly Counter<long> _placements;
    private readonly Counter<long> _starts;
    private readonly Counter<long> _exits;
    private readonly Counter<long> _restarts;
    private readonly Counter<long> _rolloutStarts;
    private readonly Counter<long> _rolloutOutcomes;
    private readonly Histogram<double> _reconcileDuration;
    private volatile bool _disposed;

    public FleetMetrics(
        EventHub events,
        StatusBoard status,
        ObservedState observed,
        TimeProvider time,
        IOptions<OrchestrationOptions> options,
        IMeterFactory? meterFactory = null)
    {
        _status = status;
        _observed = observed;
        _time = time;
        _nodeLostGracePeriod = options.Value.NodeLostGracePeriod;
        FleetName = options.Value.FleetName;
        _fleet = new(MetricTags.Fleet, FleetName);
        var meterOptions = new MeterOptions(OrchestrationMetrics.MeterName);
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(meterOptions) ?? new Meter(meterOptions);

        _placements = Meter.CreateCounter<long>(
            "orchestration.replica.placements", "{replica}", "Placement decisions: replicas the scheduler placed on a node, and replicas reported pending because no node can take them or their image is missing.");
        _starts = Meter.CreateCounter<long>(
            "orchestration.replica.starts", "{start}", "Replica containers seen running after a start, a restart or an adoption.");
        _exits = Meter.CreateCounter<long>(
            "orchestration.replica.exits", "{exit}", "Replica containers that ended or failed to start.");
        _restarts = Meter.CreateCounter<long>(
            "orchestration.replica.restarts", "{restart}", "Restarts scheduled after an exit, each after a backoff delay.");
        _rolloutStarts = Meter.CreateCounter<long>(
            "orchestration.rollout.starts", "{rollout}", "Rollouts of a new revision that started.");
        _rolloutOutcomes = Meter.CreateCounter<long>(
            "orchestration.rollout.outcomes", "{rollout}", "Rollouts that completed, were rolled back or paused.");
        _reconcileDuration = Meter.CreateHistogram(
            "orchestration.reconcile.duration", "s", "Duration of one reconcile of a workload.", tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        Meter.CreateObservableUpDownCounter(
            "orchestration.workload.replica.desired", ObserveDesired, "{replica}", "Replicas each workload should have, as its last reconcile computed.");
        Meter.CreateObservableUpDownCounter(
            "orchestration.workload.replica.ready", ObserveReady, "{replica}", "Replicas of each workload that pass readiness, as its last reconcile computed.");
        Meter.CreateObservableUpDownCounter(
            "orchestration.node.count", ObserveNodes, "{node}", "Nodes of the fleet's runtimes in each state.");

        _subscription = events.Events.Subscribe(e =>
        {
            Count(e);
            ReconcileTracing.AddEvent(e);
        });
    }

    /// <summary>The fleet's name, the value of the <c>orchestration.fleet</c> tag.</summary>
    public string FleetName { get; }

    /// <summary>The meter of the instruments.</summary>
    internal Meter Meter { get; }

    /// <summary>Records one reconcile of <paramref name="workload"/>: successful when <paramref name="error"/> is
    /// <see langword="null"/>.</summary>
    public void RecordReconcile(string workload, TimeSpan duration, Exception? error)
    {
        var tags = new TagList
        {
            _fleet,
            { MetricTags.Workload, workload },
            { MetricTags.ReconcileOutcome, error is null ? MetricTags.Success : MetricTags.Failure },
        };
        if (error is not null)
        {
            tags.Add(MetricTags.ErrorType, error.GetType().FullName);
        }

        _reconcileDuration.Record(duration.TotalSeconds, in tags);
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription.Dispose();
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
