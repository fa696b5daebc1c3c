namespace Orchestration.Autoscaling;

/// <summary>A change the autoscaler made, kept for the rate policies' periods.</summary>
internal readonly record struct ScaleEvent(DateTimeOffset Time, int Change);
