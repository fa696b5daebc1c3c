using System.Collections.Immutable;

namespace Orchestration.Autoscaling;

/// <summary>One decision: the count before and after, what the metrics recommended, what held it back, and why.</summary>
internal sealed record AutoscalerDecision(int Current, int Desired, int Recommendation, ImmutableArray<MetricReading> Metrics, string? LimitedBy, string Reason);
