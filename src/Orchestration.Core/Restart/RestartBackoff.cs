namespace Orchestration.Restart;

/// <summary>The delay before a replica's next restart: <see cref="RestartPolicy.InitialDelay"/> doubled once per
/// failure in the current streak, capped at <see cref="RestartPolicy.MaxDelay"/>. A run that lasted at least
/// <see cref="RestartPolicy.ResetAfter"/> ends the streak.</summary>
internal static class RestartBackoff
{
    public static TimeSpan Delay(RestartPolicy policy, int streak)
    {
        var ticks = policy.InitialDelay.Ticks;
        for (var i = 0; i < streak && ticks < policy.MaxDelay.Ticks; i++)
        {
            ticks *= 2;
        }

        return TimeSpan.FromTicks(Math.Min(ticks, policy.MaxDelay.Ticks));
    }

    /// <summary>Whether a run from <paramref name="runningSince"/> to <paramref name="exitedAt"/> was stable long
    /// enough to reset the streak.</summary>
    public static bool WasStable(RestartPolicy policy, DateTimeOffset? runningSince, DateTimeOffset exitedAt)
        => runningSince is { } since && exitedAt - since >= policy.ResetAfter;
}
