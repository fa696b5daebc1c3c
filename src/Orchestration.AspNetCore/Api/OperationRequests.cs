namespace Orchestration.AspNetCore.Api;

/// <summary>Body of <c>POST workloads/{workload}/scale</c>.</summary>
internal sealed record ScaleRequest(int? Replicas);

/// <summary>Body of <c>POST workloads/{workload}/rollback</c>; no body or no revision goes back one revision.</summary>
internal sealed record RollbackRequest(string? Revision);

/// <summary>Body of <c>POST nodes/{node}/drain</c>.</summary>
internal sealed record DrainRequest(int? MaxUnavailable);
