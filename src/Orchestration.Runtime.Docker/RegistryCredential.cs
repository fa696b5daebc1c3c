namespace Orchestration.Runtime.Docker;

/// <summary>Credentials for one image registry.</summary>
public sealed class RegistryCredential
{
    /// <summary>Registry host, such as "registry.example:5000"; "docker.io" for Docker Hub.</summary>
    public string Registry { get; set; } = "";

    /// <summary>User name.</summary>
    public string? Username { get; set; }

    /// <summary>Password or access token.</summary>
    public string? Password { get; set; }

    /// <summary>Identity token, instead of a user name and password.</summary>
    public string? IdentityToken { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Registry} ({Username ?? "token"})";
}
