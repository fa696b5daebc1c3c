using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Orchestration.Diagnostics;

namespace Orchestration.Autoscaling;

/// <summary>The autoscalers' instruments on the <see cref="OrchestrationMetrics.MeterName"/> meter:
/// <c>orchestration.autoscaler.decisions</c> (tagged with the direction: up, down or none) and the gauges
/// <c>orchestration.autoscaler.desired_replicas</c> and <c>orchestration.autoscaler.recommended_replicas</c>.</summary>
internal sealed class AutoscalerMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _decisions;
    private readonly KeyValuePair<string, object?> _fleet;

    public AutoscalerMetrics(AutoscalerStatusBoard board, IOptions<OrchestrationOptions> options, IMeterFactory? meterFactory = null)
    {
        _fleet = new(MetricTags.Fleet, options.Value.FleetName);
        var meterOptions = new MeterOptions(OrchestrationMetrics.MeterName);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(meterOptions) ?? new Meter(meterOptions);
        _decisions = _meter.CreateCounter<long>("orchestration.autoscaler.decisions", "{decision}", "Autoscaler decisions, tagged with their direction (up, down, none).");
        _meter.CreateObservableGauge("orchestration.autoscaler.desired_replicas", () => board.Rows().Select(r => Measure(r.Desired, r.Workload)), "{replica}", "The replica count each autoscaler set last.");
        _meter.CreateObservableGauge("orchestration.autoscaler.recommended_replicas", () => board.Rows().Select(r => Measure(r.Recommendation, r.Workload)), "{replica}", "What each autoscaler's metrics recommended last, before windows, policies and bounds.");
    }

    public void Record(string workload, AutoscalerDecision decision)
    {
        var tags = new TagList { _fleet, { MetricTags.Workload, workload }, { "orchestration.autoscaler.direction", decision.Desired > decision.Current ? "up" : decision.Desired < decision.Current ? "down" : "none" } };
        _decisions.Add(1, in tags);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private Measurement<int> Measure(int value, string workload) => new(value, _fleet, new(MetricTags.Workload, workload));
}
