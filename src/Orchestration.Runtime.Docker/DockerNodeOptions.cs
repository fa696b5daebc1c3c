namespace Orchestration.Runtime.Docker;

/// <summary>One Docker engine used as a node.</summary>
public sealed class DockerNodeOptions
{
    /// <summary>Unique node name, used by the scheduler and in container references.</summary>
    public string Name { get; set; } = DockerRuntimeDefaults.LocalNodeName;

    /// <summary>Engine endpoint: <c>unix:///path/docker.sock</c>, <c>tcp://host:2376</c> or <c>https://host:2376</c>.
    /// When <see langword="null"/>, <c>DOCKER_HOST</c> is used, else the default Unix socket.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Directory holding <c>cert.pem</c>, <c>key.pem</c> and optionally <c>ca.pem</c>, for TCP engines that
    /// require TLS client certificates. When <see langword="null"/> and the endpoint comes from <c>DOCKER_HOST</c>,
    /// <c>DOCKER_CERT_PATH</c> is used if <c>DOCKER_TLS_VERIFY</c> is set.</summary>
    public string? TlsCertificateDirectory { get; set; }

    /// <summary>Labels for node selectors.</summary>
    public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Taints that repel replicas without a matching toleration: NoSchedule keeps new replicas off the node,
    /// PreferNoSchedule makes the scheduler avoid it, NoExecute also moves running replicas away.</summary>
    public IList<Taint> Taints { get; set; } = [];

    /// <summary>CPU capacity offered to the scheduler, in millicores; <see langword="null"/> uses the engine's CPU count.</summary>
    public long? CpuMillicores { get; set; }

    /// <summary>Memory capacity offered to the scheduler, in bytes; <see langword="null"/> uses the engine's memory.</summary>
    public long? MemoryBytes { get; set; }

    /// <summary>Host address this node's published ports bind to when a port names none; <see langword="null"/> uses
    /// <see cref="DockerRuntimeOptions.PublishAddress"/> for an engine on this machine and every address ("0.0.0.0")
    /// for an engine on another machine, whose published ports are then reported at the engine's host.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? PublishAddress { get; set; }

    /// <summary>Engine API version to speak, such as "1.41"; <see langword="null"/> negotiates it from the engine's
    /// own version answer.</summary>
    public string? ApiVersion { get; set; }
}
