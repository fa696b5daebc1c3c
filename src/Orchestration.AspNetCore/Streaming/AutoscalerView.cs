namespace Orchestration.AspNetCore.Streaming;

/// <summary>One autoscaler row: its workload, its last decision and why. The page renders whatever rows the snapshot
/// carries, so an autoscaler only has to fill them.</summary>
internal sealed record AutoscalerView(string Workload, int Current, int Desired, string Reason, DateTimeOffset? LastScaled);
