namespace Orchestration.Generators.Model;

/// <summary>The update strategy. Surge and unavailability are (count, isPercent) pairs already checked.</summary>
internal sealed record UpdateModel(
    bool Recreate,
    int? MaxSurge,
    bool MaxSurgeIsPercent,
    int? MaxUnavailable,
    bool MaxUnavailableIsPercent,
    double? MinReadySeconds,
    double? ProgressDeadlineSeconds,
    string? OnFailure,
    int? RevisionHistoryLimit);
