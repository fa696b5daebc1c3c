using Microsoft.Extensions.Options;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Swarm.DependencyInjection;

/// <summary>Checks <see cref="SwarmRuntimeOptions"/> when the host starts, reporting every bad value.</summary>
internal sealed class SwarmRuntimeOptionsValidator : IValidateOptions<SwarmRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, SwarmRuntimeOptions options)
    {
        var failures = new List<string>();
        if (options.Manager is { } manager && !EngineAddressRules.IsValidEndpoint(manager))
        {
            failures.Add($"SwarmRuntimeOptions.Manager: '{manager}' must be a unix://, tcp://, http://, https:// or npipe:// endpoint.");
        }

        if (options.ApiVersion is { } version && !EngineAddressRules.TryParseApiVersion(version, out _))
        {
            failures.Add($"SwarmRuntimeOptions.ApiVersion: '{version}' must look like '1.41'.");
        }

        if (string.IsNullOrEmpty(options.NetworkPrefix) || options.NetworkPrefix.Length > 30)
        {
            failures.Add($"SwarmRuntimeOptions.NetworkPrefix: '{options.NetworkPrefix}' must be 1 to 30 characters.");
        }

        if (options.StatusInterval <= TimeSpan.Zero)
        {
            failures.Add($"SwarmRuntimeOptions.StatusInterval: '{options.StatusInterval}' must be positive.");
        }

        if (options.UpdateMonitor < TimeSpan.Zero)
        {
            failures.Add($"SwarmRuntimeOptions.UpdateMonitor: '{options.UpdateMonitor}' must not be negative.");
        }

        if (options.CallTimeout <= TimeSpan.Zero)
        {
            failures.Add($"SwarmRuntimeOptions.CallTimeout: '{options.CallTimeout}' must be positive.");
        }

        foreach (var file in options.ConfigFiles)
        {
            if (!file.Target.StartsWith('/'))
            {
                failures.Add($"SwarmRuntimeOptions.ConfigFiles[{file.Workload}]: target '{file.Target}' must be an absolute path.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
