using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Orchestration.AspNetCore.Api;
using Orchestration.Events;

namespace Orchestration.AspNetCore.Authorization;

/// <summary>Every operation goes through here: the antiforgery check for requests a browser could have been tricked
/// into sending, the <see cref="OrchestrationPolicies.Operate"/> policy, the operation itself, and one
/// <see cref="OperationRecorded"/> event with the user's name however it ends.</summary>
internal sealed class OperationGate(IAuthorizationService authorization, IAntiforgery antiforgery, IOrchestrator orchestrator)
{
    public async Task<IResult> RunAsync(HttpContext context, string operation, string target, string? workload, string? detail, Func<CancellationToken, Task<string>> action)
    {
        var user = UserName(context);
        if (RequiresAntiforgery(context.Request))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException)
            {
                const string reason = "the antiforgery token is missing or invalid";
                orchestrator.RecordOperation(user, operation, target, OperationOutcome.Refused, reason, workload);
                return Results.BadRequest(new ApiError($"Refused: {reason}; reload the page."));
            }
        }

        var allowed = await authorization.AuthorizeAsync(context.User, resource: target, OrchestrationPolicies.Operate).ConfigureAwait(false);
        if (!allowed.Succeeded)
        {
            var reason = $"not allowed by the policy '{OrchestrationPolicies.Operate}'";
            orchestrator.RecordOperation(user, operation, target, OperationOutcome.Refused, reason, workload);
            return Results.Json(new ApiError($"Refused: user '{user}' may not {operation} {target} ({reason})."), statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            var message = await action(context.RequestAborted).ConfigureAwait(false);
            orchestrator.RecordOperation(user, operation, target, OperationOutcome.Succeeded, detail, workload);
            return Results.Ok(new ApiMessage(message));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or SpecValidationException)
        {
            orchestrator.RecordOperation(user, operation, target, OperationOutcome.Failed, e.Message, workload);
            return Results.BadRequest(new ApiError(e.Message));
        }
    }

    public static string UserName(HttpContext context)
        => context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";

    /// <summary>Cookies are what a browser sends on its own to any site that asks: a request that carries them, or that
    /// carries no Authorization header at all, must prove it came from the page. A script that authenticates with an
    /// Authorization header and sends no cookie cannot be forged by another site and is exempt.</summary>
    private static bool RequiresAntiforgery(HttpRequest request)
        => request.Headers.Cookie.Count > 0 || !request.Headers.ContainsKey("Authorization");
}
