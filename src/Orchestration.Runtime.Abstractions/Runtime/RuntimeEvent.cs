namespace Orchestration.Runtime;

/// <summary>What happened, as a runtime reports it.</summary>
public enum RuntimeEventKind
{
    /// <summary>A container was created.</summary>
    Created,

    /// <summary>A container's process started.</summary>
    Started,

    /// <summary>A container's process ended; see the exit code.</summary>
    Died,

    /// <summary>A container hit its memory limit.</summary>
    OutOfMemory,

    /// <summary>A container was removed.</summary>
    Destroyed,

    /// <summary>A node's state changed; see <see cref="RuntimeEvent.NodeState"/>.</summary>
    NodeChanged,

    /// <summary>Events may have been missed (the stream was interrupted); list everything again.</summary>
    Resync,
}

/// <summary>One change reported by a runtime.</summary>
public sealed record RuntimeEvent
{
    /// <summary>What happened.</summary>
    public required RuntimeEventKind Kind { get; init; }

    /// <summary>The node it happened on.</summary>
    public required string Node { get; init; }

    /// <summary>The container, for container events.</summary>
    public string? ContainerId { get; init; }

    /// <summary>The replica id from the container's labels, when known.</summary>
    public string? ReplicaId { get; init; }

    /// <summary>The workload from the container's labels, when known.</summary>
    public string? Workload { get; init; }

    /// <summary>The exit code, for <see cref="RuntimeEventKind.Died"/>.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The node's new state, for <see cref="RuntimeEventKind.NodeChanged"/>.</summary>
    public NodeState? NodeState { get; init; }

    /// <summary>The container as the runtime saw it, when the event carries it (a creation or a start): a container the
    /// observed state does not know yet is then recorded from the event instead of by listing every container again.</summary>
    public ContainerInfo? Container { get; init; }

    /// <summary>Why events may have been missed, for <see cref="RuntimeEventKind.Resync"/>, such as "the event stream of
    /// node 'node2' ended".</summary>
    public string? Reason { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Time { get; init; }
}
