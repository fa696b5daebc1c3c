namespace Orchestration.Runtime;

/// <summary>A resolved read-only file for one container: its path and content. Its text form never shows the
/// content.</summary>
/// <param name="Path">Absolute path inside the container.</param>
/// <param name="Content">The bytes of the file.</param>
/// <param name="IsSecret">Whether the content is a secret, to be redacted from every message.</param>
public sealed record ContainerFile(string Path, ReadOnlyMemory<byte> Content, bool IsSecret)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path} ({Content.Length} bytes{(IsSecret ? ", secret" : "")})";
}
