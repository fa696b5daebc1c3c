namespace Orchestration.Services;

/// <summary>Settings of one service address: where it listens and how it spreads connections.</summary>
public sealed class ServiceAddressOptions
{
    /// <summary>The port to listen on; <see langword="null"/> lets the system assign a free one.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? HostPort { get; set; }

    /// <summary>The address to listen on.</summary>
    /// <value>The default value is "127.0.0.1".</value>
    public string ListenAddress { get; set; } = ServiceAddressDefaults.ListenAddress;

    /// <summary>How the replica for a new connection is chosen.</summary>
    /// <value>The default value is <see cref="BalancingStrategy.RoundRobin"/>.</value>
    public BalancingStrategy Strategy { get; set; } = BalancingStrategy.RoundRobin;

    /// <summary>How long connecting to one replica may take before the next replica is tried.</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = ServiceAddressDefaults.ConnectTimeout;

    /// <summary>How long a new connection is held open while the workload has no ready replica (for example while one
    /// starts from zero, see <see cref="IServiceWakeHandler"/>) before it is closed.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan HoldTimeout { get; set; } = ServiceAddressDefaults.HoldTimeout;

    /// <summary>Checks the settings; every problem names the field and the value.</summary>
    internal IEnumerable<string> Problems(string workload, string port)
    {
        var where = $"serviceAddresses[\"{workload}/{port}\"]";
        if (HostPort is < 0 or > 65535)
        {
            yield return $"{where}.hostPort: '{HostPort}' must be 0-65535";
        }

        if (!System.Net.IPAddress.TryParse(ListenAddress, out _))
        {
            yield return $"{where}.listenAddress: '{ListenAddress}' is not an IP address";
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            yield return $"{where}.connectTimeout: '{ConnectTimeout}' must be positive";
        }

        if (HoldTimeout < TimeSpan.Zero)
        {
            yield return $"{where}.holdTimeout: '{HoldTimeout}' must be zero or more";
        }
    }
}
