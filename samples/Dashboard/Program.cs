// Dashboard: a fleet with its live dashboard, operations API and health endpoint, in one ASP.NET Core app.
//
//   dotnet run --project samples/Dashboard             then open http://127.0.0.1:5080/signin?user=alice
//   dotnet run --project samples/Dashboard -- --smoke  starts the fleet, checks the page, the API and /healthz, exits
//
// alice may operate (role "operator"); bob may only read. The sign-in is a demo stand-in for the app's real one.
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Orchestration;
using Orchestration.AspNetCore;
using Orchestration.Runtime.Docker;

const string WebImage = "orchestration/dashboard-sample-web:1";
var smoke = args.Contains("--smoke");

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? "http://127.0.0.1:5080");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Orchestration", LogLevel.Error); // the page shows every event

builder.Services.AddOrchestration(o => o.FleetName = "dashboard-sample")
    .UseDocker()
    .AddWorkload("web", w => w
        .Image(WebImage)
        .PullPolicy(PullPolicy.Never)   // built below, while the page shows the build; pending until then
        .Replicas(3)
        .Port("http", 8080)
        .Readiness(Probe.Http("/", "http")))
    .AddWorkload("cache", w => w
        .Image("orchestration/busybox:1")
        .PullPolicy(PullPolicy.Never)
        .Command("httpd", "-f", "-p", "6379", "-h", "/www")
        .Port("cache", 6379)
        .Readiness(Probe.Tcp("cache")));

// Reading needs a signed-in user (the default); operating needs the "operator" role.
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
builder.Services.AddAuthorization(o => o.AddPolicy(OrchestrationPolicies.Operate, p => p.RequireRole("operator")));
builder.Services.AddOrchestrationDashboard();
builder.Services.AddHealthChecks().AddOrchestrationHealthChecks();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapOrchestrationDashboard();            // the page at /orchestration, its API at /orchestration/api
app.MapHealthChecks("/healthz");
app.MapGet("/signin", async (HttpContext context, string user) =>
{
    string[] roles = user == "alice" ? ["operator"] : [];
    var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], CookieAuthenticationDefaults.AuthenticationScheme);
    await context.SignInAsync(new ClaimsPrincipal(identity));
    return Results.Redirect("/orchestration");
});

await app.StartAsync();
Console.WriteLine($"Dashboard: {app.Urls.First()}/signin?user=alice (operator) or ?user=bob (read only)");

var orchestrator = app.Services.GetRequiredService<IOrchestrator>();
Console.WriteLine("Building the web image (the page shows its progress)…");
await app.Services.GetRequiredService<DockerImages>().BuildAsync(Path.Combine(AppContext.BaseDirectory, "web"), WebImage);
await orchestrator.WaitForAsync(s => s.Workloads.All(w => w.Ready == w.Desired), TimeSpan.FromMinutes(2));
Console.WriteLine("The fleet is ready.");

if (smoke)
{
    using var http = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new() }) { BaseAddress = new Uri(app.Urls.First()) };
    var page = await http.GetStringAsync("/signin?user=bob");
    Console.WriteLine(page.Contains("Workloads", StringComparison.Ordinal) ? "page: ok" : "page: unexpected");
    Console.WriteLine($"status: {(int)(await http.GetAsync("/orchestration/api/status")).StatusCode}");
    Console.WriteLine($"healthz: {await http.GetStringAsync("/healthz")}");
}
else
{
    await app.WaitForShutdownAsync();
}

Console.WriteLine("Tearing down…");
await orchestrator.DeleteFleetAsync();
await app.StopAsync();
