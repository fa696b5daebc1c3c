namespace Orchestration.AspNetCore.Streaming;

/// <summary>One revision of a workload on the page: number, hash and image only.</summary>
internal sealed record RevisionView(int Number, string Revision, string Image, bool IsCurrent);
