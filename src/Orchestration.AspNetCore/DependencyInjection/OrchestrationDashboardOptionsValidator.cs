using Microsoft.Extensions.Options;
using Orchestration.AspNetCore;

namespace Orchestration.AspNetCore.DependencyInjection;

/// <summary>Reports every invalid dashboard option at once, naming the option and its value.</summary>
internal sealed class OrchestrationDashboardOptionsValidator : IValidateOptions<OrchestrationDashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, OrchestrationDashboardOptions options)
    {
        var problems = new List<string>();
        if (options.StatusInterval <= TimeSpan.Zero)
        {
            problems.Add($"OrchestrationDashboardOptions.StatusInterval must be positive; it is {options.StatusInterval}.");
        }

        if (options.RecentEvents < 0)
        {
            problems.Add($"OrchestrationDashboardOptions.RecentEvents must not be negative; it is {options.RecentEvents}.");
        }

        if (options.LogTail < 0)
        {
            problems.Add($"OrchestrationDashboardOptions.LogTail must not be negative; it is {options.LogTail}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
