namespace Orchestration.Events;

/// <summary>An event about one replica.</summary>
public abstract class ReplicaEvent : OrchestrationEvent
{
    /// <summary>The replica's stable id.</summary>
    public required string ReplicaId { get; init; }
}

/// <summary>The scheduler placed a replica on a node and reserved its resources there.</summary>
public sealed class ReplicaScheduled : ReplicaEvent
{
    /// <summary>The chosen node.</summary>
    public required string Node { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} scheduled on node '{Node}'";
}

/// <summary>No node can take a replica; it stays pending and is placed as soon as one can.</summary>
public sealed class ReplicaPending : ReplicaEvent
{
    /// <summary>Why, such as "0/5 nodes fit: 3 rejected by ResourcesFit, 2 rejected by NodeSelector".</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} pending: {Reason}";

    /// <inheritdoc />
    public override bool IsWarning => true;
}

/// <summary>A replica's container was started (or adopted running).</summary>
public sealed class ReplicaStarted : ReplicaEvent
{
    /// <summary>The node.</summary>
    public required string Node { get; init; }

    /// <summary>The container's id.</summary>
    public required string ContainerId { get; init; }

    /// <summary>Restarts so far.</summary>
    public int Restarts { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} started on node '{Node}' (restarts {Restarts})";
}

/// <summary>A replica's container ended, or failed to start.</summary>
public sealed class ReplicaExited : ReplicaEvent
{
    /// <summary>The node.</summary>
    public string? Node { get; init; }

    /// <summary>The exit code, when the process ran.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Why, such as "exited with code 1" or "start failed: …".</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} exited: {Reason}";

    /// <inheritdoc />
    public override bool IsWarning => ExitCode != 0;
}

/// <summary>A replica will be started again after a backoff delay.</summary>
public sealed class ReplicaRestartScheduled : ReplicaEvent
{
    /// <summary>The delay before the next start.</summary>
    public required TimeSpan Delay { get; init; }

    /// <summary>Which restart this will be (1 for the first).</summary>
    public required int Restart { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} restarts in {Delay.TotalSeconds:0.###} s (restart {Restart})";
}

/// <summary>A replica's node was lost; a new replica replaces it on another node.</summary>
public sealed class ReplicaRescheduled : ReplicaEvent
{
    /// <summary>The lost node.</summary>
    public required string FromNode { get; init; }

    /// <summary>The id of the replica that replaces it.</summary>
    public required string ReplacementId { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} on lost node '{FromNode}' replaced by {ReplacementId}";

    /// <inheritdoc />
    public override bool IsWarning => true;
}

/// <summary>A replica was stopped and removed.</summary>
public sealed class ReplicaRemoved : ReplicaEvent
{
    /// <summary>Why, such as "scale down" or "belongs to no desired workload".</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} removed: {Reason}";
}

/// <summary>A running container found at start matched the desired revision and was taken over.</summary>
public sealed class ReplicaAdopted : ReplicaEvent
{
    /// <summary>The node.</summary>
    public required string Node { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} adopted on node '{Node}'";
}

/// <summary>A replica exited and will not be restarted.</summary>
public sealed class ReplicaFailed : ReplicaEvent
{
    /// <summary>The exit code, when known.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} failed: {Reason}";

    /// <inheritdoc />
    public override bool IsWarning => true;
}
