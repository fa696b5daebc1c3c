using Microsoft.AspNetCore.Authorization;

namespace Orchestration.AspNetCore.Authorization;

/// <summary>The requirement of the default operate policy: no handler ever meets it, so every operation is refused
/// until the app defines <see cref="OrchestrationPolicies.Operate"/>.</summary>
internal sealed class OperatePolicyNotConfigured : IAuthorizationRequirement
{
    public override string ToString() => $"the app has not defined the policy '{OrchestrationPolicies.Operate}', so every operation is refused";
}
