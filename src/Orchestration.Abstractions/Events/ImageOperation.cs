namespace Orchestration.Events;

/// <summary>How an image gets onto a node.</summary>
public enum ImageOperation
{
    /// <summary>Pulled from a registry.</summary>
    Pull,

    /// <summary>Built from a directory with a Dockerfile.</summary>
    Build,
}
