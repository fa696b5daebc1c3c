namespace Orchestration.AspNetCore;

/// <summary>Options of the dashboard page and its API.</summary>
public sealed class OrchestrationDashboardOptions
{
    /// <summary>The page's title.</summary>
    /// <value>The default value is <see langword="null"/>: the fleet's name.</value>
    public string? Title { get; set; }

    /// <summary>How often a live stream looks for a changed fleet status when no event woke it.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan StatusInterval { get; set; } = DashboardDefaults.StatusInterval;

    /// <summary>How many of the latest events are kept for pages that open later.</summary>
    /// <value>The default value is 200.</value>
    public int RecentEvents { get; set; } = DashboardDefaults.RecentEvents;

    /// <summary>How many earlier lines a followed replica log starts with.</summary>
    /// <value>The default value is 200.</value>
    public int LogTail { get; set; } = DashboardDefaults.LogTail;
}
