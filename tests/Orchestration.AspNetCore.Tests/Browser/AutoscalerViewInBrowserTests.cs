using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using Orchestration.AspNetCore.Tests.Support;

namespace Orchestration.AspNetCore.Tests.Browser;

/// <summary>The dashboard's autoscaler view: each autoscaled workload's current and desired replicas, its bounds, each
/// metric's value against its target and the last decision with its reason, in the snapshot and on the page.</summary>
[Collection(EngineCollection.Name)]
public sealed class AutoscalerViewInBrowserTests
{
    [Fact]
    public async Task Shows_each_autoscaled_workload_with_its_replicas_bounds_metrics_and_last_decision()
    {
        var web = new WorkloadBuilder("web")
            .Image(Fleets.Image).PullPolicy(PullPolicy.Never).Replicas(1).Port("http", 8080)
            .Readiness(Probe.Http("/") with { Period = TimeSpan.FromMilliseconds(250) })
            .StopGracePeriod(TimeSpan.FromSeconds(1))
            .Autoscale(1, 3, a => a.RequestsPerSecond(50).Connections(20).SyncPeriod(TimeSpan.FromSeconds(1)))
            .Build();
        await using var fleet = await Fleets.StartAsync("asv", web, Fleets.Web("plain"));
        // The first decision can come before every metric has been read once: wait for a decision with all readings.
        await fleet.WaitForAsync(s => s["web"]!.Ready == 1 && s["plain"]!.Ready == 1 && s.Autoscalers is [{ Workload: "web", Metrics.Length: 2, LastDecision: not null } a] && a.Metrics.All(m => m.Value is not null));
        await using var server = await DashboardServer.StartAsync(fleet.Orchestrator);

        using (var reader = server.Client("bob"))
        {
            var snapshot = await reader.GetFromJsonAsync<JsonElement>("snapshot");
            var row = Assert.Single(snapshot.GetProperty("autoscalers").EnumerateArray());
            Assert.Equal("web", row.GetProperty("workload").GetString());
            Assert.Equal((1, 1, 1, 3), (row.GetProperty("current").GetInt32(), row.GetProperty("desired").GetInt32(), row.GetProperty("minReplicas").GetInt32(), row.GetProperty("maxReplicas").GetInt32()));
            var metrics = row.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
            Assert.Equal(50, metrics["requests_per_second"].GetProperty("target").GetDouble());
            Assert.Equal(20, metrics["connections"].GetProperty("target").GetDouble());
            Assert.Equal(JsonValueKind.Number, metrics["connections"].GetProperty("value").ValueKind);
            Assert.Contains("requests_per_second", row.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.NotEqual(JsonValueKind.Null, row.GetProperty("lastDecision").ValueKind);
        }

        using var driver = HeadlessChromium.Start();
        driver.SignInAs(server.Address, "alice:" + TestUsers.OperatorRole);
        await driver.UntilAsync(d => d.Text("#connection") == "live", "the live stream connects");
        const string Row = "#autoscalers tr[data-key='web']";
        await driver.UntilAsync(d => d.FindElements(By.CssSelector(Row)).Count == 1, "the autoscaler row is shown");
        Assert.Equal("1", driver.Text(Row + " td.replicas"));
        Assert.Equal("1–3", driver.Text(Row + " td.bounds"));
        Assert.StartsWith("requests_per_second 0 / 50", driver.Text(Row + " td.metrics .badge[data-metric='requests_per_second']"), StringComparison.Ordinal);
        Assert.StartsWith("connections 0 / 20", driver.Text(Row + " td.metrics .badge[data-metric='connections']"), StringComparison.Ordinal);
        Assert.Contains("requests_per_second 0 (target 50)", driver.Text(Row + " td.reason"), StringComparison.Ordinal);
        Assert.NotEqual("—", driver.Text(Row + " td.when"));
        Assert.True(driver.FindElement(By.Id("autoscalers-empty")).GetAttribute("hidden") is not null, "the empty note is hidden");
        Assert.Empty(driver.FindElements(By.CssSelector("#autoscalers tr[data-key='plain']")));

        // Its replica count belongs to the autoscaler: no scale control for it, one for the plain service.
        await driver.UntilAsync(d => d.FindElements(By.Id("scale-plain")).Count == 1, "the plain service has a scale control");
        Assert.Empty(driver.FindElements(By.Id("scale-web")));
    }
}
