namespace Orchestration.Events;

/// <summary>How an operation a user asked for ended.</summary>
public enum OperationOutcome
{
    /// <summary>It was done.</summary>
    Succeeded,

    /// <summary>The user is not allowed to do it; nothing changed.</summary>
    Refused,

    /// <summary>It was allowed but failed, such as a scale of a workload that does not exist.</summary>
    Failed,
}
