using Microsoft.Extensions.Options;

namespace Orchestration.LeaderElection.DependencyInjection;

/// <summary>Fails the host's start on timings that would let two leaders act at once, naming the field and value.</summary>
internal sealed class LeaderElectionOptionsValidator : IValidateOptions<LeaderElectionOptions>
{
    public ValidateOptionsResult Validate(string? name, LeaderElectionOptions options)
    {
        var errors = new List<string>();
        if (options.RetryPeriod <= TimeSpan.Zero)
        {
            errors.Add($"LeaderElectionOptions.RetryPeriod must be positive; it is {options.RetryPeriod}.");
        }

        if (options.RenewDeadline <= options.RetryPeriod)
        {
            errors.Add($"LeaderElectionOptions.RenewDeadline must be longer than RetryPeriod ({options.RetryPeriod}); it is {options.RenewDeadline}.");
        }

        if (options.LeaseDuration < options.RenewDeadline + options.RetryPeriod)
        {
            errors.Add($"LeaderElectionOptions.LeaseDuration must be at least RenewDeadline + RetryPeriod ({options.RenewDeadline + options.RetryPeriod}), so a leader stops before its lease can pass; it is {options.LeaseDuration}.");
        }

        if (string.IsNullOrWhiteSpace(options.Identity))
        {
            errors.Add($"LeaderElectionOptions.Identity must not be empty; it is '{options.Identity}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
