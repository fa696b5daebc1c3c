namespace Orchestration.Scheduling;

/// <summary>Where a replica was placed and what was reserved, or why no node fits.</summary>
internal readonly record struct ScheduleResult(Reservation? Reservation, string? Reason)
{
    public bool Placed => Reservation is not null;
}
