using System.Globalization;

namespace Orchestration.LeaderElection;

/// <summary>Default leader-election settings: Kubernetes' client-go timings.</summary>
public static class LeaderElectionDefaults
{
    /// <summary>15 seconds.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    /// <summary>10 seconds.</summary>
    public static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(10);

    /// <summary>2 seconds.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);

    /// <summary>A new identity: the machine name, the process id and a random suffix.</summary>
    public static string NewIdentity()
        => string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("n")[..6]}");
}
