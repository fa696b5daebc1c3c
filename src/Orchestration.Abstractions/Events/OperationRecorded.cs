namespace Orchestration.Events;

/// <summary>A user asked for an operation on the fleet (scale, rollback, cordon, restart …) through an operations
/// surface such as the dashboard or its API; says who, what and how it ended.</summary>
public sealed class OperationRecorded : OrchestrationEvent
{
    /// <summary>The user's name as the host app authenticated it, or "anonymous".</summary>
    public required string User { get; init; }

    /// <summary>The operation, such as "scale" or "rollback".</summary>
    public required string Operation { get; init; }

    /// <summary>What it was applied to, such as "web" or "web/3" or "node local".</summary>
    public required string Target { get; init; }

    /// <summary>How it ended.</summary>
    public required OperationOutcome Outcome { get; init; }

    /// <summary>Details: the arguments, or why it was refused or failed.</summary>
    public string? Detail { get; init; }

    /// <inheritdoc />
    public override string Message => Outcome switch
    {
        OperationOutcome.Succeeded => $"User '{User}' did {Operation} on {Target}{Suffix}",
        OperationOutcome.Refused => $"User '{User}' was refused {Operation} on {Target}{Suffix}",
        _ => $"User '{User}' failed to {Operation} {Target}{Suffix}",
    };

    /// <inheritdoc />
    public override bool IsWarning => Outcome != OperationOutcome.Succeeded;

    private string Suffix => string.IsNullOrEmpty(Detail) ? string.Empty : $": {Detail}";
}
