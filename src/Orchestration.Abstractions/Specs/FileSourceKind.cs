namespace Orchestration;

/// <summary>Where the content of a file mounted into a workload's containers comes from.</summary>
public enum FileSourceKind
{
    /// <summary>A secret, looked up by name with the <see cref="ISecretResolver"/> when the fleet is applied.</summary>
    Secret,

    /// <summary>Text given in the spec itself.</summary>
    Text,

    /// <summary>A file on the machine that runs the orchestrator, read when the fleet is applied.</summary>
    HostFile,

    /// <summary>A section of the application's configuration, rendered as JSON when the fleet is applied.</summary>
    ConfigurationSection,
}
