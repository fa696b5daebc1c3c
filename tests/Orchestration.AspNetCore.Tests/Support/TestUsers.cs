using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orchestration.AspNetCore.Tests.Support;

/// <summary>An authentication scheme for tests: the user is named by an <c>Authorization: Test name[:role,role]</c>
/// header (scripts) or an <c>orchestration-test-user</c> cookie of the same form (the browser). No user: 401.</summary>
internal sealed class TestUsers(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Cookie = "orchestration-test-user";
    public const string OperatorRole = "operator";

    public static string Header(string user) => $"{SchemeName} {user}";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? value = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith(SchemeName + " ", StringComparison.Ordinal))
        {
            value = header[(SchemeName.Length + 1)..];
        }
        else if (Request.Cookies.TryGetValue(Cookie, out var cookie))
        {
            value = Uri.UnescapeDataString(cookie);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = value.Split(':', 2);
        var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]) };
        if (parts.Length == 2)
        {
            claims.AddRange(parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
