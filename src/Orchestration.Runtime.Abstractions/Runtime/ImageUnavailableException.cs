namespace Orchestration.Runtime;

/// <summary>A node does not have an image and cannot get it: the pull policy is Never, or the pull failed.</summary>
public sealed class ImageUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImageUnavailableException(string image, string node, string reason, Exception? inner = null)
        : base($"Image '{image}' is not available on node '{node}': {reason}", inner)
    {
        Image = image;
        Node = node;
        Reason = reason;
    }

    /// <summary>The image reference.</summary>
    public string Image { get; }

    /// <summary>The node.</summary>
    public string Node { get; }

    /// <summary>Why it is unavailable.</summary>
    public string Reason { get; }

    /// <summary>Whether trying again cannot help until something outside changes (the image is on no node and the
    /// pull policy is Never; the registry answered that the image does not exist or may not be pulled; the reference
    /// is refused): the workload is then reported as stalled at once instead of waiting out a timeout.</summary>
    public bool Permanent { get; init; }
}
