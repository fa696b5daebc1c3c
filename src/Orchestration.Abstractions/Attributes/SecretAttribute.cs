namespace Orchestration;

/// <summary>Sets an environment variable from a secret, looked up by name when each container starts. The value never
/// appears in the spec or in the compiled assembly.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SecretAttribute : Attribute
{
    /// <summary>Sets <paramref name="environmentVariable"/> from the secret <paramref name="secretName"/>.</summary>
    public SecretAttribute(string environmentVariable, string secretName)
    {
        EnvironmentVariable = environmentVariable;
        SecretName = secretName;
    }

    /// <summary>Variable the container sees.</summary>
    public string EnvironmentVariable { get; }

    /// <summary>Name the secret resolver looks up.</summary>
    public string SecretName { get; }
}
