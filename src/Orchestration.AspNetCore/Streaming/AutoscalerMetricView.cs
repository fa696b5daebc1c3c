namespace Orchestration.AspNetCore.Streaming;

/// <summary>One metric of an autoscaler row: its value (null when missing), its target and the replica count it
/// proposed.</summary>
internal sealed record AutoscalerMetricView(string Name, double? Value, double Target, int? Proposal)
{
    public static AutoscalerMetricView Of(MetricReading reading) => new(reading.Name, reading.Value, reading.Target, reading.Proposal);
}
