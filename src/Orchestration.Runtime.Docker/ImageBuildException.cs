namespace Orchestration.Runtime.Docker;

/// <summary>An image build failed; the message carries the daemon's own explanation.</summary>
public sealed class ImageBuildException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tag">The tag being built.</param>
    /// <param name="node">The node that built it.</param>
    /// <param name="reason">The daemon's error message.</param>
    /// <param name="log">The build output up to the failure.</param>
    /// <param name="inner">The underlying failure, if any.</param>
    public ImageBuildException(string tag, string node, string reason, string log, Exception? inner = null)
        : base($"Building image '{tag}' on node '{node}' failed: {reason}", inner)
    {
        Tag = tag;
        Node = node;
        Reason = reason;
        Log = log;
    }

    /// <summary>The tag being built.</summary>
    public string Tag { get; }

    /// <summary>The node.</summary>
    public string Node { get; }

    /// <summary>The daemon's error message.</summary>
    public string Reason { get; }

    /// <summary>The build output up to the failure.</summary>
    public string Log { get; }
}
