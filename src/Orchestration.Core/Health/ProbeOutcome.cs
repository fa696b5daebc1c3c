namespace Orchestration.Health;

/// <summary>The result of one check: success, or the failure's description ("status 503", "timed out after 1 s").</summary>
internal readonly record struct ProbeOutcome(bool Success, string? Failure)
{
    public static ProbeOutcome Passed => new(true, null);

    public static ProbeOutcome Failed(string failure) => new(false, failure);
}
