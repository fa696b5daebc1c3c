namespace Orchestration.Events;

/// <summary>Progress of an image pull or build on a node: published when it starts, at most a few times a second while
/// it runs, and once when it ends.</summary>
public sealed class ImageProgress : OrchestrationEvent
{
    /// <summary>The node.</summary>
    public required string Node { get; init; }

    /// <summary>The image, such as "redis:7" or the tag a build gives.</summary>
    public required string Image { get; init; }

    /// <summary>Pull or build.</summary>
    public required ImageOperation Operation { get; init; }

    /// <summary>Layers finished (pull: downloaded and extracted, or already there; build: steps done).</summary>
    public int LayersDone { get; init; }

    /// <summary>Layers known so far (pull) or steps of the Dockerfile (build); 0 while unknown.</summary>
    public int LayersTotal { get; init; }

    /// <summary>Bytes moved so far: downloaded (pull) or build context sent (build).</summary>
    public long BytesDone { get; init; }

    /// <summary>Bytes to move, as far as known; 0 while unknown.</summary>
    public long BytesTotal { get; init; }

    /// <summary>The engine's last status line, such as "Step 2/3 : COPY index.html /www/" or "Downloading".</summary>
    public string? Status { get; init; }

    /// <summary>Whether it ended (see <see cref="Error"/>).</summary>
    public bool Done { get; init; }

    /// <summary>Why it failed, once ended.</summary>
    public string? Error { get; init; }

    /// <inheritdoc />
    public override string Message
        => $"Image '{Image}' {(Operation == ImageOperation.Pull ? "pull" : "build")} on node '{Node}': "
            + (Done ? (Error is null ? "done" : $"failed: {Error}") : "running")
            + $", {LayersDone}/{LayersTotal} {(Operation == ImageOperation.Pull ? "layers" : "steps")}, {BytesDone}/{BytesTotal} bytes";

    /// <inheritdoc />
    public override bool IsWarning => Error is not null;
}
