using Microsoft.Extensions.Options;
using Orchestration.Rules;

namespace Orchestration.DependencyInjection;

/// <summary>Checks <see cref="OrchestrationOptions"/> when the host starts, reporting every bad value.</summary>
internal sealed class OrchestrationOptionsValidator : IValidateOptions<OrchestrationOptions>
{
    public ValidateOptionsResult Validate(string? name, OrchestrationOptions options)
    {
        var failures = new List<string>();
        if (!NameRules.IsDnsLabel(options.FleetName))
        {
            failures.Add($"OrchestrationOptions.FleetName: '{options.FleetName}' must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit.");
        }

        if (options.Workers is < 1 or > 256)
        {
            failures.Add($"OrchestrationOptions.Workers: '{options.Workers}' must be between 1 and 256.");
        }

        if (options.ResyncInterval <= TimeSpan.Zero)
        {
            failures.Add($"OrchestrationOptions.ResyncInterval: '{options.ResyncInterval}' must be positive.");
        }

        if (options.NodesToScore < 0)
        {
            failures.Add($"OrchestrationOptions.NodesToScore: '{options.NodesToScore}' must be 0 (all nodes) or more.");
        }

        if (options.NodeLostGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"OrchestrationOptions.NodeLostGracePeriod: '{options.NodeLostGracePeriod}' must not be negative.");
        }

        if (options.MaxParallelStarts is < 1 or > 256)
        {
            failures.Add($"OrchestrationOptions.MaxParallelStarts: '{options.MaxParallelStarts}' must be between 1 and 256.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
