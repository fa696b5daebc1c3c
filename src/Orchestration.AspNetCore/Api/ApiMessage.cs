namespace Orchestration.AspNetCore.Api;

/// <summary>The body of a successful operation: <c>{"message": "…"}</c>, what was done.</summary>
internal sealed record ApiMessage(string Message);
