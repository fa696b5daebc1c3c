using Orchestration.LeaderElection.DependencyInjection;

namespace Orchestration.LeaderElection.Tests.Election;

public sealed class LeaderElectionOptionsTests
{
    [Fact]
    public void Defaults_are_the_timings_of_kubernetes_leader_election()
    {
        var options = new LeaderElectionOptions();

        Assert.Equal(TimeSpan.FromSeconds(15), options.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RenewDeadline);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryPeriod);
        Assert.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), options.Identity, StringComparison.Ordinal);
        Assert.True(new LeaderElectionOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_lease_no_longer_than_the_renew_deadline_and_a_retry_is_refused_naming_the_fields()
    {
        var result = new LeaderElectionOptionsValidator().Validate(null, new LeaderElectionOptions
        {
            LeaseDuration = TimeSpan.FromSeconds(10),
            RenewDeadline = TimeSpan.FromSeconds(10),
            RetryPeriod = TimeSpan.FromSeconds(2),
            Identity = " ",
        });

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "LeaderElectionOptions.LeaseDuration must be at least RenewDeadline + RetryPeriod (00:00:12), so a leader stops before its lease can pass; it is 00:00:10.",
                "LeaderElectionOptions.Identity must not be empty; it is ' '.",
            ],
            result.Failures);
    }

    [Fact]
    public void A_renew_deadline_within_one_retry_is_refused()
    {
        var result = new LeaderElectionOptionsValidator().Validate(null, new LeaderElectionOptions
        {
            LeaseDuration = TimeSpan.FromSeconds(15),
            RenewDeadline = TimeSpan.FromSeconds(1),
            RetryPeriod = TimeSpan.FromSeconds(2),
        });

        Assert.Equal(["LeaderElectionOptions.RenewDeadline must be longer than RetryPeriod (00:00:02); it is 00:00:01."], result.Failures);
    }
}
