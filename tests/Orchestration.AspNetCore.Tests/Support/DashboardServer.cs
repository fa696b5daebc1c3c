using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orchestration.AspNetCore.Tests.Support;

/// <summary>A web app on real Kestrel at 127.0.0.1 (a free port) serving the dashboard, its API and the health
/// endpoint for a fleet that runs on the real engine in a <c>TestFleet</c>. Users come from
/// <see cref="TestUsers"/>; the operate policy, when the app defines it, requires the "operator" role.</summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DashboardServer> StartAsync(IOrchestrator orchestrator, bool defineOperatePolicy = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(orchestrator);
        builder.Services.AddAuthentication(TestUsers.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestUsers>(TestUsers.SchemeName, null);
        if (defineOperatePolicy)
        {
            builder.Services.AddAuthorization(o => o.AddPolicy(OrchestrationPolicies.Operate, p => p.RequireRole(TestUsers.OperatorRole)));
        }

        builder.Services.AddOrchestrationDashboard(o => o.StatusInterval = TimeSpan.FromMilliseconds(250));
        builder.Services.AddHealthChecks().AddOrchestrationHealthChecks();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOrchestrationDashboard();
        app.MapHealthChecks("/healthz");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DashboardServer(app, new Uri(address));
    }

    /// <summary>A client of the API as <paramref name="user"/> ("name:role"), or anonymous.</summary>
    public HttpClient Client(string? user = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Address, "/orchestration/api/"), Timeout = TimeSpan.FromSeconds(60) };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(TestUsers.Header(user));
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
