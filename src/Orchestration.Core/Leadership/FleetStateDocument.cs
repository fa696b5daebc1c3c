namespace Orchestration.Leadership;

/// <summary>The content of a <see cref="FleetStateSnapshot"/>: the key of the fleet the instances were started with,
/// the desired fleet, every workload's revision history with its rollout state, and each cron job's last schedule
/// time.</summary>
internal sealed record FleetStateDocument(
    int Version,
    string RegisteredKey,
    FleetSpec? Fleet,
    Dictionary<string, KeptHistory> Histories,
    Dictionary<string, DateTimeOffset>? CronMarks = null)
{
    /// <summary>The version of the document written now; another is refused when read.</summary>
    public const int CurrentVersion = 1;
}
