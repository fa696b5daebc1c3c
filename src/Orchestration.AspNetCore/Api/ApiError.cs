namespace Orchestration.AspNetCore.Api;

/// <summary>The body of every refused or failed API call: <c>{"error": "…"}</c>.</summary>
internal sealed record ApiError(string Error);
