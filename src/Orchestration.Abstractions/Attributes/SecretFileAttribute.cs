namespace Orchestration;

/// <summary>Mounts a secret as a read-only file of mode 0400 owned by the container's user, on a memory-backed file
/// system: <c>/run/secrets/{name}</c> unless <see cref="Path"/> says otherwise. The value is resolved when the fleet is
/// applied and never appears in the spec, the compiled assembly or the container's configuration.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SecretFileAttribute : Attribute
{
    /// <summary>Mounts the secret named <paramref name="secretName"/>.</summary>
    public SecretFileAttribute(string secretName)
    {
        SecretName = secretName;
    }

    /// <summary>Name the secret resolver looks up.</summary>
    public string SecretName { get; }

    /// <summary>Absolute path of the file in the container; <c>/run/secrets/{name}</c> when <see langword="null"/>.</summary>
    public string? Path { get; set; }
}
