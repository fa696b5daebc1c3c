namespace Orchestration;

/// <summary>When a node fetches a workload's image.</summary>
public enum PullPolicy
{
    /// <summary>Pull only when the node does not have the image. The default.</summary>
    IfNotPresent,

    /// <summary>Pull before every container start.</summary>
    Always,

    /// <summary>Never pull; a missing image keeps the replica pending with an event saying so.</summary>
    Never,
}
