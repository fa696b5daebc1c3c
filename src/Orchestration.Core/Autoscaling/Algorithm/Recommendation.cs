namespace Orchestration.Autoscaling;

/// <summary>A recommendation kept for the stabilization windows.</summary>
internal readonly record struct Recommendation(DateTimeOffset Time, int Replicas);
