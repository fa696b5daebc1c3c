namespace Orchestration;

/// <summary>Looks up secret values by name when a container starts. Values are passed to the runtime only; they
/// never enter specs, hashes, labels, events, logs or exception messages.</summary>
public interface ISecretResolver
{
    /// <summary>The value of the secret named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such secret; the message names the secret, never a value.</exception>
    ValueTask<string> ResolveAsync(string name, CancellationToken cancellationToken);
}
