namespace Orchestration.LeaderElection;

/// <summary>Timings and identity of leader election. The defaults are those of Kubernetes' client-go leader election.
/// A leader stops acting once it could not renew its lease for <see cref="RenewDeadline"/>, which is shorter than
/// <see cref="LeaseDuration"/>, so it has stopped before its lease can pass to another instance.</summary>
public sealed class LeaderElectionOptions
{
    /// <summary>How long a lease lasts without renewal; another instance takes over no later than this after the
    /// leader died.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan LeaseDuration { get; set; } = LeaderElectionDefaults.LeaseDuration;

    /// <summary>How long the leader keeps acting after its last successful renewal; must be shorter than
    /// <see cref="LeaseDuration"/> by at least <see cref="RetryPeriod"/>.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan RenewDeadline { get; set; } = LeaderElectionDefaults.RenewDeadline;

    /// <summary>How often the leader renews and a follower tries to acquire (a follower also waits this long on the
    /// lease at each try, so a released lease is taken at once).</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan RetryPeriod { get; set; } = LeaderElectionDefaults.RetryPeriod;

    /// <summary>This instance's name in events, metrics and status.</summary>
    /// <value>The default value is the machine name, the process id and a random suffix.</value>
    public string Identity { get; set; } = LeaderElectionDefaults.NewIdentity();
}
