namespace Orchestration.Runtime.Docker;

/// <summary>Default values of <see cref="DockerRuntimeOptions"/> and <see cref="DockerNodeOptions"/>.</summary>
internal static class DockerRuntimeDefaults
{
    public const string LocalNodeName = "local";

    public const string UnixSocketEndpoint = "unix:///var/run/docker.sock";

    public const string PublishAddress = "127.0.0.1";

    public const string NetworkPrefix = "orchestration-";

    public const int MaxRetryAttempts = 3;

    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan CircuitBreakDuration = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan PullTimeout = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The oldest Docker Engine API version the adapter speaks (engine 20.10).</summary>
    public static readonly Version MinimumApiVersion = new(1, 41);

    /// <summary>The newest Docker Engine API version the client library was generated against.</summary>
    public static readonly Version MaximumApiVersion = new(1, 54);
}
