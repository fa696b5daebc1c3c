namespace Orchestration.Runtime.Docker;

/// <summary>Options of the Docker runtime: the engines that are its nodes, what it allows containers to do,
/// registry credentials, and the timeouts and retries around engine calls.</summary>
public sealed class DockerRuntimeOptions
{
    /// <summary>The Docker engines to use as nodes. When empty, one node named "local" is used, at the endpoint
    /// in <c>DOCKER_HOST</c> or else the default Unix socket.</summary>
    public IList<DockerNodeOptions> Nodes { get; set; } = [];

    /// <summary>Allow workloads that ask for privileged mode.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowPrivileged { get; set; }

    /// <summary>Allow workloads that share the node's network namespace.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowHostNetwork { get; set; }

    /// <summary>Allow workloads that share the node's process namespace.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowHostPid { get; set; }

    /// <summary>Allow workloads that bind-mount the Docker socket, which gives them control of the engine.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowDockerSocketMount { get; set; }

    /// <summary>Host address published ports bind to when a port does not name one.</summary>
    /// <value>The default value is "127.0.0.1": published ports are reachable from this machine only.</value>
    public string PublishAddress { get; set; } = DockerRuntimeDefaults.PublishAddress;

    /// <summary>Prefix of the per-fleet bridge network's name; the fleet name follows it.</summary>
    /// <value>The default value is "orchestration-".</value>
    public string NetworkPrefix { get; set; } = DockerRuntimeDefaults.NetworkPrefix;

    /// <summary>Puts every fleet's containers on this existing network instead of a network of each fleet's own, which is
    /// then neither created nor removed: <c>"bridge"</c>, the engine's default network (containers start faster there,
    /// but workloads cannot reach each other by name), or a user-defined network shared with other fleets (the workload
    /// names become DNS aliases there, shared with those fleets). <see langword="null"/> gives each fleet its own.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? SharedNetwork { get; set; }

    /// <summary>Credentials for private registries, chosen by the registry host of the image reference.</summary>
    public IList<RegistryCredential> RegistryCredentials { get; set; } = [];

    /// <summary>Time one engine call (not a stream) may take before it is abandoned and possibly retried.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan CallTimeout { get; set; } = DockerRuntimeDefaults.CallTimeout;

    /// <summary>Retries of an engine call after a transient failure (connection errors, timeouts, 5xx answers).</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetryAttempts { get; set; } = DockerRuntimeDefaults.MaxRetryAttempts;

    /// <summary>Base delay between retries; it grows exponentially, with jitter.</summary>
    /// <value>The default value is 200 milliseconds.</value>
    public TimeSpan RetryBaseDelay { get; set; } = DockerRuntimeDefaults.RetryBaseDelay;

    /// <summary>How long an engine's circuit stays open (calls fail fast) after repeated failures.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan CircuitBreakDuration { get; set; } = DockerRuntimeDefaults.CircuitBreakDuration;

    /// <summary>Interval between pings that decide whether a node is Ready or NotReady while it is watched.</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan PingInterval { get; set; } = DockerRuntimeDefaults.PingInterval;

    /// <summary>Time a ping may take before the node counts as not answering.</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan PingTimeout { get; set; } = DockerRuntimeDefaults.PingTimeout;

    /// <summary>Delay before reconnecting an interrupted event stream.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan ReconnectDelay { get; set; } = DockerRuntimeDefaults.ReconnectDelay;

    /// <summary>Deadline of one image pull.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan PullTimeout { get; set; } = DockerRuntimeDefaults.PullTimeout;

    /// <summary>Deadline of one image build.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan BuildTimeout { get; set; } = DockerRuntimeDefaults.BuildTimeout;
}
