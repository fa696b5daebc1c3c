using System.Diagnostics;
using System.Reflection;
using Orchestration.Events;

namespace Orchestration.Diagnostics;

/// <summary>The orchestrator's spans on the <see cref="OrchestrationMetrics.ActivitySourceName"/> activity source: one
/// <see cref="SpanName"/> span per reconcile, started and stopped by <see cref="MeasuredReconciler"/>, carrying as
/// span events the orchestrator's events published while it is the current activity. Nothing is allocated when no
/// listener wants the span.</summary>
internal static class ReconcileTracing
{
    /// <summary>The name of the span of one reconcile of a workload.</summary>
    public const string SpanName = "orchestration.reconcile";

    /// <summary>The source, versioned with this assembly's informational version.</summary>
    public static ActivitySource Source { get; } = new(
        OrchestrationMetrics.ActivitySourceName,
        typeof(ReconcileTracing).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>Starts the span of one reconcile of <paramref name="workload"/> as the root of its own trace, or
    /// returns <see langword="null"/> when no listener wants it. The loop reconciles on nobody's behalf, so the
    /// activity current when the workers started is no parent: it is cleared, which only affects the calling
    /// <see langword="async"/> method (its caller gets its own <see cref="Activity.Current"/> back when it returns).</summary>
    public static Activity? Start(string fleet, string workload)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity.Current = null;
        var span = Source.StartActivity(SpanName, ActivityKind.Internal);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(MetricTags.Fleet, fleet);
            span.SetTag(MetricTags.Workload, workload);
        }

        return span;
    }

    /// <summary>Tags <paramref name="span"/> with the reconcile's <paramref name="outcome"/> and, when it threw,
    /// marks it failed with the exception's type and an <c>exception</c> event; then stops it.</summary>
    public static void Stop(Activity span, string outcome, Exception? error)
    {
        if (span.IsAllDataRequested)
        {
            span.SetTag(MetricTags.ReconcileOutcome, outcome);
            if (error is not null)
            {
                var type = error.GetType().FullName;
                span.SetTag(MetricTags.ErrorType, type);
                span.SetStatus(ActivityStatusCode.Error, type);
                span.AddException(error);
            }
        }

        span.Stop();
    }

    /// <summary>Adds <paramref name="e"/>, named after its type, to the reconcile span that is the current activity of
    /// the publishing thread. The reconciler publishes synchronously, so that is the span of the reconcile that
    /// decided it. Work that outlives a reconcile (a timer or a task started during it) inherits its span as current
    /// activity; once the reconcile ended, that span is stopped and gets nothing.</summary>
    public static void AddEvent(OrchestrationEvent e)
    {
        if (Activity.Current is { IsStopped: false, IsAllDataRequested: true } span && ReferenceEquals(span.Source, Source))
        {
            var tags = e is ReplicaEvent replica ? new ActivityTagsCollection { [MetricTags.ReplicaId] = replica.ReplicaId } : null;
            span.AddEvent(new ActivityEvent(e.GetType().Name, tags: tags));
        }
    }
}
