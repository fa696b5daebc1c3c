namespace Orchestration;

/// <summary>One line a replica's container wrote to stdout or stderr.</summary>
/// <param name="workload">The workload.</param>
/// <param name="replica">The replica's stable id.</param>
/// <param name="containerId">The container that wrote it (a replica has a new one after each restart).</param>
/// <param name="text">The line, without its line break.</param>
public sealed class LogLine(string workload, string replica, string containerId, string text) : Snapshot
{
    /// <summary>The workload.</summary>
    public string Workload { get; private init; } = workload;

    /// <summary>The replica's stable id.</summary>
    public string Replica { get; private init; } = replica;

    /// <summary>The container that wrote it (a replica has a new one after each restart).</summary>
    public string ContainerId { get; private init; } = containerId;

    /// <summary>The line, without its line break.</summary>
    public string Text { get; private init; } = text;

    /// <summary>The line prefixed with its workload and replica, such as <c>[web/r0] listening on 8080</c>.</summary>
    public override string ToString() => $"[{Workload}/{Replica}] {Text}";
}
