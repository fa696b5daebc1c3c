namespace Orchestration.Health;

/// <summary>The result of one check: success, or the failure's description ("status 503", "timed out after 1 s").</summary>
/// <param name="Success">Whether the check passed.</param>
/// <param name="Failure">Why it failed; <see langword="null"/> when it passed.</param>
public readonly record struct ProbeOutcome(bool Success, string? Failure)
{
    /// <summary>A passed check.</summary>
    public static ProbeOutcome Passed => new(true, null);

    /// <summary>A failed check, with why.</summary>
    public static ProbeOutcome Failed(string failure) => new(false, failure);
}
