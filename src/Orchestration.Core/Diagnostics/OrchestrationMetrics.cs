namespace Orchestration.Diagnostics;

/// <summary>The metrics the orchestrator publishes through <see cref="System.Diagnostics.Metrics"/>: counters of its
/// decisions, the duration of each reconcile, and the desired and ready replicas of each workload and the nodes in each
/// state. Every measurement carries the fleet's name as the <c>orchestration.fleet</c> tag, and workload measurements
/// its name as <c>orchestration.workload</c>; no measurement carries a value of a spec, an environment variable or a
/// secret. Export them with OpenTelemetry: <c>.WithMetrics(m =&gt; m.AddMeter(OrchestrationMetrics.MeterName))</c>.
/// Each reconcile is also traced as a span of the <see cref="ActivitySourceName"/> activity source:
/// <c>.WithTracing(t =&gt; t.AddSource(OrchestrationMetrics.ActivitySourceName))</c>.</summary>
/// <remarks>The meter is created with the container's <see cref="System.Diagnostics.Metrics.IMeterFactory"/> when it has
/// one (hosts register it), and lives as long as the orchestrator's service provider.</remarks>
public static class OrchestrationMetrics
{
    /// <summary>The name of the meter every instrument of the orchestrator belongs to: "Orchestration".</summary>
    public const string MeterName = "Orchestration";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> of the orchestrator's spans:
    /// "Orchestration". Every reconcile of a workload is one <c>orchestration.reconcile</c> span, the root of its own
    /// trace, tagged with the fleet's and the workload's names.</summary>
    public const string ActivitySourceName = "Orchestration";
}
