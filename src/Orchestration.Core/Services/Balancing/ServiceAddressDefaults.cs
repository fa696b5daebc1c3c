namespace Orchestration.Services;

/// <summary>Default settings of service addresses.</summary>
public static class ServiceAddressDefaults
{
    /// <summary>The address a service address listens on: loopback, reachable from this machine only.</summary>
    public const string ListenAddress = "127.0.0.1";

    /// <summary>How long connecting to one replica may take before the next is tried.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long a connection is held while the workload has no ready replica.</summary>
    public static readonly TimeSpan HoldTimeout = TimeSpan.FromSeconds(30);
}
