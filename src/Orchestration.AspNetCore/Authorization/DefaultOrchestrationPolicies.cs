using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Orchestration.AspNetCore.Authorization;

/// <summary>Adds the secure defaults of the two policies the app did not define: reading needs an authenticated user;
/// operating is refused to everyone. Runs after every <c>AddAuthorization(…)</c> configuration, so the app's own
/// policies always win.</summary>
internal sealed class DefaultOrchestrationPolicies : IPostConfigureOptions<AuthorizationOptions>
{
    public void PostConfigure(string? name, AuthorizationOptions options)
    {
        if (options.GetPolicy(OrchestrationPolicies.Read) is null)
        {
            options.AddPolicy(OrchestrationPolicies.Read, p => p.RequireAuthenticatedUser());
        }

        if (options.GetPolicy(OrchestrationPolicies.Operate) is null)
        {
            options.AddPolicy(OrchestrationPolicies.Operate, p => p.AddRequirements(new OperatePolicyNotConfigured()));
        }
    }
}
