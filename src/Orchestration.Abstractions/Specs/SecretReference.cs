namespace Orchestration;

/// <summary>An environment variable whose value is a secret, looked up by name when a container starts.
/// The value is never part of the spec, its hash, labels, events or logs. A value: equal to another with the same
/// variable and secret name.</summary>
/// <param name="environmentVariable">Variable the container sees.</param>
/// <param name="secretName">Name the secret resolver looks up.</param>
public sealed class SecretReference(string environmentVariable, string secretName) : Snapshot
{
    /// <summary>Variable the container sees.</summary>
    public string EnvironmentVariable { get; private init; } = environmentVariable;

    /// <summary>Name the secret resolver looks up.</summary>
    public string SecretName { get; private init; } = secretName;
}
