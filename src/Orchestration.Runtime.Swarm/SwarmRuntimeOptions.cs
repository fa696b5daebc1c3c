namespace Orchestration.Runtime.Swarm;

/// <summary>Options of the Docker Swarm backend: which manager to talk to, how services are exposed and how often
/// their tasks are read.</summary>
public sealed class SwarmRuntimeOptions
{
    private readonly List<SwarmConfigFile> _configFiles = [];

    /// <summary>Endpoint of a swarm manager's engine: <c>unix:///path/docker.sock</c>, <c>tcp://host:2376</c>.
    /// When <see langword="null"/>, <c>DOCKER_HOST</c> is used, else the default Unix socket.</summary>
    public string? Manager { get; set; }

    /// <summary>Directory holding <c>cert.pem</c>, <c>key.pem</c> and <c>ca.pem</c> for a TLS manager endpoint.</summary>
    public string? TlsCertificateDirectory { get; set; }

    /// <summary>Engine API version to speak, such as "1.41"; <see langword="null"/> negotiates it.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Prefix of the fleet's overlay network, secrets and configs; the fleet name follows it.</summary>
    /// <value>The default value is "orchestration-".</value>
    public string NetworkPrefix { get; set; } = SwarmRuntimeDefaults.NetworkPrefix;

    /// <summary>Give services a virtual IP and publish ports through the ingress routing mesh instead of DNS
    /// round-robin endpoints and host-mode ports. Needs IPVS in the nodes' kernels.</summary>
    /// <value>The default value is <see langword="false"/>: DNS round-robin and host-mode ports, which need no IPVS.</value>
    public bool UseVirtualIps { get; set; }

    /// <summary>A node label whose values replicas are spread evenly over (a Swarm spread preference on
    /// <c>node.labels.{label}</c>), such as "zone"; <see langword="null"/> leaves the swarm's own spread over nodes.</summary>
    public string? SpreadOverNodeLabel { get; set; }

    /// <summary>How often the fleet's services, tasks and nodes are read again when the engine's event stream is
    /// quiet. Every service and node event reads them at once.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan StatusInterval { get; set; } = SwarmRuntimeDefaults.StatusInterval;

    /// <summary>How long a rolling update watches each updated task for failure before going on (Swarm's update
    /// monitor). A workload's own <see cref="UpdateStrategy.MinReadyTime"/> wins when it is longer.</summary>
    /// <value>The default value is 5 seconds, as in Swarm.</value>
    public TimeSpan UpdateMonitor { get; set; } = SwarmRuntimeDefaults.UpdateMonitor;

    /// <summary>Time one engine call (not a stream) may take before it is abandoned and possibly retried.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan CallTimeout { get; set; } = SwarmRuntimeDefaults.CallTimeout;

    /// <summary>Configuration files added with <see cref="AddConfigFile"/>.</summary>
    internal IReadOnlyList<SwarmConfigFile> ConfigFiles => _configFiles;

    /// <summary>Puts a configuration file into every container of <paramref name="workload"/> as a Swarm config:
    /// read-only, the same on every node, and replaced by a rolling update when its content changes.</summary>
    /// <param name="workload">The workload's name.</param>
    /// <param name="target">Absolute path of the file inside the container.</param>
    /// <param name="content">The file's content (UTF-8).</param>
    /// <returns>These options.</returns>
    public SwarmRuntimeOptions AddConfigFile(string workload, string target, string content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workload);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(content);
        _configFiles.Add(new SwarmConfigFile(workload, target, content));
        return this;
    }
}
