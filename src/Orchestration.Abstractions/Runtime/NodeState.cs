namespace Orchestration.Runtime;

/// <summary>Whether a node can run replicas.</summary>
public enum NodeState
{
    /// <summary>Answers and takes replicas.</summary>
    Ready,

    /// <summary>Stopped answering; its replicas are kept for a grace period.</summary>
    NotReady,

    /// <summary>Gone for longer than the grace period; its replicas are rescheduled elsewhere.</summary>
    Lost,
}
