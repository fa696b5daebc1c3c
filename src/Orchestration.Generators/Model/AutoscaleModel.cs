namespace Orchestration.Generators.Model;

/// <summary>An <c>[Autoscale]</c> attribute: bounds, metric targets and timings as given (null when not set), with the
/// instrument metrics of the class's <c>[AutoscaleInstrument]</c> attributes.</summary>
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
    double? ScaleDownWindowSeconds)
{
    public EquatableArray<InstrumentMetricModel> Instruments { get; init; } = EquatableArray<InstrumentMetricModel>.Empty;
}
