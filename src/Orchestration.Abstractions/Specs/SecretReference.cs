namespace Orchestration;

/// <summary>An environment variable whose value is a secret, looked up by name when a container starts.
/// The value is never part of the spec, its hash, labels, events or logs.</summary>
/// <param name="EnvironmentVariable">Variable the container sees.</param>
/// <param name="SecretName">Name the secret resolver looks up.</param>
public sealed record SecretReference(string EnvironmentVariable, string SecretName);
