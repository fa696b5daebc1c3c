namespace Orchestration.AspNetCore;

/// <summary>The names of the two ASP.NET Core authorization policies that guard the dashboard and its API. Define
/// them with <c>AddAuthorization(o =&gt; o.AddPolicy(OrchestrationPolicies.Operate, …))</c>; a policy the app does not
/// define gets its secure default.</summary>
public static class OrchestrationPolicies
{
    /// <summary>Reading: the page, status, events and logs. The default requires an authenticated user.</summary>
    public const string Read = "Orchestration.Read";

    /// <summary>Operating: scale, rollback, pause and resume a rollout, cordon, uncordon and drain a node, restart a
    /// replica. The default refuses every operation, until the app defines this policy.</summary>
    public const string Operate = "Orchestration.Operate";
}
