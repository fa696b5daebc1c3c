namespace Orchestration.Runtime.Docker;

/// <summary>A Docker engine refused a request or could not be used; the message names the node and carries the
/// engine's own explanation.</summary>
public sealed class DockerEngineException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="node">The node whose engine failed.</param>
    /// <param name="reason">What went wrong, in the engine's words where it gave any.</param>
    /// <param name="inner">The underlying failure.</param>
    public DockerEngineException(string node, string reason, Exception? inner = null)
        : base($"Docker engine of node '{node}': {reason}", inner)
    {
        Node = node;
        Reason = reason;
    }

    /// <summary>The node.</summary>
    public string Node { get; }

    /// <summary>What went wrong.</summary>
    public string Reason { get; }
}
