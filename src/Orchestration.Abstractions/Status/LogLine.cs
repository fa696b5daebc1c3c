namespace Orchestration;

/// <summary>One line a replica's container wrote to stdout or stderr.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="Replica">The replica's stable id.</param>
/// <param name="ContainerId">The container that wrote it (a replica has a new one after each restart).</param>
/// <param name="Text">The line, without its line break.</param>
public sealed record LogLine(string Workload, string Replica, string ContainerId, string Text)
{
    /// <summary>The line prefixed with its workload and replica, such as <c>[web/r0] listening on 8080</c>.</summary>
    public override string ToString() => $"[{Workload}/{Replica}] {Text}";
}
