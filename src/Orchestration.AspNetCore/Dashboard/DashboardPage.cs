using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Orchestration.AspNetCore.Authorization;
using Orchestration.AspNetCore.Streaming;

namespace Orchestration.AspNetCore.Dashboard;

/// <summary>Serves the one-file page from the assembly, with what it needs filled in: the API's address, the antiforgery
/// token its buttons send, the user's name, whether the user may operate (for display only: the API decides), and a
/// per-response nonce that the Content-Security-Policy allows the page's inline script and style by.</summary>
internal sealed class DashboardPage
{
    private const string ResourceName = "Orchestration.AspNetCore.dashboard.html";
    private static readonly Lazy<string> Template = new(Load);

    public static async Task<IResult> ServeAsync(
        HttpContext context,
        IOrchestrator orchestrator,
        IAntiforgery antiforgery,
        IAuthorizationService authorization,
        IOptions<AntiforgeryOptions> antiforgeryOptions,
        IOptions<OrchestrationDashboardOptions> options,
        string apiPath)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var canOperate = (await authorization.AuthorizeAsync(context.User, resource: null, OrchestrationPolicies.Operate).ConfigureAwait(false)).Succeeded;
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var config = JsonSerializer.Serialize(
            new
            {
                api = context.Request.PathBase.Add(apiPath).Value,
                fleet = orchestrator.FleetName,
                title = options.Value.Title ?? orchestrator.FleetName,
                user = OperationGate.UserName(context),
                canOperate,
                antiforgeryHeader = antiforgeryOptions.Value.HeaderName ?? "RequestVerificationToken",
                antiforgeryToken = tokens.RequestToken,
            },
            DashboardJson.Options);
        var html = Template.Value
            .Replace("__NONCE__", nonce, StringComparison.Ordinal)
            .Replace("__TITLE__", System.Net.WebUtility.HtmlEncode(options.Value.Title ?? orchestrator.FleetName), StringComparison.Ordinal)
            .Replace("\"__CONFIG__\"", config, StringComparison.Ordinal);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Load()
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The dashboard page ({ResourceName}) is missing from {typeof(DashboardPage).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
