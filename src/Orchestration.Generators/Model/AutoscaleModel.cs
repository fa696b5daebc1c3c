namespace Orchestration.Generators.Model;

/// <summary>An <c>[Autoscale]</c> attribute: bounds, metric targets and timings as given (null when not set).</summary>
internal sealed record AutoscaleModel(
    int Min,
    int Max,
    double? Cpu,
    double? Memory,
    double? RequestsPerSecond,
    double? Connections,
    double? SyncPeriodSeconds,
    double? IdleSeconds,
    double? ScaleUpWindowSeconds,
    double? ScaleDownWindowSeconds);
