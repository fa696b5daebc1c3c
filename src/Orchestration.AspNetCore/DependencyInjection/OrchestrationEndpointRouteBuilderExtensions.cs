using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration;
using Orchestration.AspNetCore;
using Orchestration.AspNetCore.Api;
using Orchestration.AspNetCore.Authorization;
using Orchestration.AspNetCore.Dashboard;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the dashboard page and the operations API.</summary>
public static class OrchestrationEndpointRouteBuilderExtensions
{
    /// <summary>Maps the live dashboard page at <paramref name="pattern"/> and its JSON API at
    /// <c>{pattern}/api</c> (see <see cref="MapOrchestrationApi"/>). The page needs
    /// <see cref="OrchestrationPolicies.Read"/>; its buttons call the API, which needs
    /// <see cref="OrchestrationPolicies.Operate"/> and the page's antiforgery token. Requires
    /// <c>services.AddOrchestrationDashboard()</c> and, for the policies to see a user, the app's authentication
    /// middleware.</summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">Where the page is served, such as "/orchestration".</param>
    /// <returns>A builder for the page and the API together, to add conventions to both.</returns>
    public static RouteGroupBuilder MapOrchestrationDashboard(this IEndpointRouteBuilder endpoints, string pattern = "/orchestration")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RequireServices(endpoints);
        var group = endpoints.MapGroup(pattern);
        var apiPath = (PathString)(pattern.TrimEnd('/') + "/api");
        group.MapGet("/", (HttpContext c, IOrchestrator o, IAntiforgery a, IAuthorizationService z, IOptions<AntiforgeryOptions> ao, IOptions<OrchestrationDashboardOptions> options)
                => DashboardPage.ServeAsync(c, o, a, z, ao, options, apiPath.Value!))
            .RequireAuthorization(OrchestrationPolicies.Read)
            .ExcludeFromDescription();
        OrchestrationApi.Map(group, "/api");
        return group;
    }

    /// <summary>Maps the JSON operations API at <paramref name="pattern"/>, for scripts as well as the page. Reads
    /// (<c>GET status</c>, <c>snapshot</c>, <c>events</c>, <c>workloads/{w}/revisions</c>, the server-sent-event streams
    /// <c>stream</c> and <c>workloads/{w}/replicas/{r}/logs</c>) need <see cref="OrchestrationPolicies.Read"/>.
    /// Operations (<c>POST workloads/{w}/scale</c> <c>{"replicas": n}</c>, <c>rollback</c> <c>{"revision": "3"}</c>,
    /// <c>pause</c>, <c>resume</c>, <c>workloads/{w}/replicas/{r}/restart</c>, <c>nodes/{n}/cordon</c>, <c>uncordon</c>,
    /// <c>drain</c> <c>{"maxUnavailable": 1}</c>) also need <see cref="OrchestrationPolicies.Operate"/>, and the
    /// antiforgery token unless the call authenticates with an Authorization header and sends no cookie. Every
    /// operation, refused or not, is published as an <see cref="Orchestration.Events.OperationRecorded"/> event with the
    /// user's name. Refusals answer 403 and failures 400, with <c>{"error": "…"}</c>.</summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">Where the API lives.</param>
    /// <returns>The API's group, to add conventions to.</returns>
    public static RouteGroupBuilder MapOrchestrationApi(this IEndpointRouteBuilder endpoints, string pattern = "/orchestration/api")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RequireServices(endpoints);
        return OrchestrationApi.Map(endpoints, pattern);
    }

    private static void RequireServices(IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<OperationGate>() is null)
        {
            throw new InvalidOperationException("The orchestration dashboard's services are missing: call builder.Services.AddOrchestrationDashboard() before building the app.");
        }
    }
}
