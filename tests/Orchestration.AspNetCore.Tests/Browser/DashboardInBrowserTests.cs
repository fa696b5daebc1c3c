using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using Orchestration.AspNetCore.Tests.Support;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;
using Orchestration.TestSupport;

namespace Orchestration.AspNetCore.Tests.Browser;

[Collection(EngineCollection.Name)]
public sealed class DashboardInBrowserTests
{
    [Fact]
    public async Task Shows_a_killed_replica_come_back_live_scales_as_an_operator_and_refuses_a_reader()
    {
        var v1 = Fleets.Web(replicas: 2);
        await using var fleet = await Fleets.StartAsync("ui", v1, Fleets.Ticker());
        await fleet.WaitForAsync(s => s["web"]!.Ready == 2 && s["ticker"]!.Replicas is [{ Phase: ReplicaPhase.Running }]);
        await fleet.ApplyAsync(Fleets.Web(replicas: 2, version: "2"), fleet.Orchestrator.DesiredState!.Find("ticker")!);
        var status = await fleet.WaitForAsync(s => s["web"]!.Ready == 2 && s["web"]!.Phase == WorkloadPhase.Available && s["web"]!.Updated == 2 && s["web"]!.Replicas.Length == 2);
        await using var server = await DashboardServer.StartAsync(fleet.Orchestrator);
        using var driver = HeadlessChromium.Start();

        driver.SignInAs(server.Address, "alice:" + TestUsers.OperatorRole);
        await driver.UntilAsync(d => d.Text("#connection") == "live", "the live stream connects");
        await driver.UntilAsync(d => d.FindElements(By.CssSelector("#replicas tr[data-key^='web/'] td.ready .badge.ok")).Count == 2, "two ready web replicas shown");
        Assert.Equal("alice · operator", driver.Text("#user"));
        ((IJavaScriptExecutor)driver).ExecuteScript("window.__sameLoad = 'yes';");

        // A replica killed behind the page's back comes back on the page, without a reload.
        var victim = status["web"]!.Replicas[0];
        var row = $"#replicas tr[data-key='web/{victim.Id}']";
        Assert.Equal(victim.ContainerId![..12], driver.Text(row + " td.container"));
        await fleet.ExecAsync(victim, "sh", "-c", "kill -9 $(pidof httpd)");
        await driver.UntilAsync(d => d.Text(row + " td.restarts") == "1", "the page shows the replica's restart");
        await driver.UntilAsync(
            d => d.Text(row + " td.container") is { Length: 12 } c && c != victim.ContainerId[..12] && d.Text(row + " td.ready") == "ready",
            "the page shows the replica ready again in a new container");
        await driver.UntilAsync(d => d.FindElements(By.CssSelector("#events .event[data-type='ReplicaExited']")).Count > 0, "the exit is in the event list");
        Assert.Equal("yes", ((IJavaScriptExecutor)driver).ExecuteScript("return window.__sameLoad;"));

        // Logs follow live; an image build shows its progress.
        var ticker = fleet.Orchestrator.GetStatus()["ticker"]!.Replicas[0];
        driver.FindElement(By.CssSelector($"button[data-op='logs'][data-replica='{ticker.Id}']")).Click();
        await driver.UntilAsync(d => d.Text("#logs").Split('\n').Count(l => l.StartsWith("tick ", StringComparison.Ordinal)) >= 3, "the ticker's lines arrive");
        var tag = await BuildImageAsync(fleet);
        await driver.UntilAsync(d => d.FindElements(By.CssSelector($"#images .image[data-image='{tag}']")).Count == 1 && d.Text($"#images .image[data-image='{tag}']").Contains("done", StringComparison.Ordinal), "the build's progress is shown");

        // An operator scales with the button.
        var input = driver.FindElement(By.Id("scale-web"));
        input.Clear();
        input.SendKeys("3");
        driver.FindElement(By.CssSelector("button[data-op='scale'][data-workload='web']")).Click();
        await driver.UntilAsync(d => d.Text("#notice") == "Scaled 'web' to 3 replicas.", "the page confirms the scale");
        await driver.UntilAsync(d => d.Text("#workloads tr[data-key='web'] td.ready") == "3/3", "three ready web replicas shown", 90);
        Assert.Equal(3, fleet.Orchestrator.DesiredState!.Find("web")!.Replicas);
        var scaled = await fleet.WaitForEventAsync<OperationRecorded>(e => e.Operation == "scale" && e.User == "alice");
        Assert.Equal(OperationOutcome.Succeeded, scaled.Outcome);
        Assert.Equal("yes", ((IJavaScriptExecutor)driver).ExecuteScript("return window.__sameLoad;"));
        await driver.UntilAsync(d => d.FindElements(By.CssSelector("#events .event[data-type='OperationRecorded']")).Count > 0, "the operation is in the event list");
        Screenshot(driver, "dashboard.png");

        // A reader is refused: the page says so, nothing changes, and the refusal is an event.
        driver.SignInAs(server.Address, "bob");
        await driver.UntilAsync(d => d.Text("#connection") == "live", "the live stream connects for bob");
        await driver.UntilAsync(d => d.Text("#workloads tr[data-key='web'] td.ready") == "3/3", "bob sees the fleet");
        Assert.Equal("bob · read only", driver.Text("#user"));
        input = driver.FindElement(By.Id("scale-web"));
        input.Clear();
        input.SendKeys("1");
        driver.FindElement(By.CssSelector("button[data-op='scale'][data-workload='web']")).Click();
        await driver.UntilAsync(d => d.FindElements(By.CssSelector("#notice.error")).Count == 1, "the page shows the refusal");
        Assert.StartsWith("Refused: user 'bob' may not scale web", driver.Text("#notice"));
        var refused = await fleet.WaitForEventAsync<OperationRecorded>(e => e.User == "bob");
        Assert.Equal(OperationOutcome.Refused, refused.Outcome);
        await driver.UntilAsync(d => d.FindElements(By.CssSelector("#events .event.refused")).Any(e => e.Text.Contains("User 'bob' was refused scale on web", StringComparison.Ordinal)), "the refusal is in the page's event list");
        Assert.Equal(3, fleet.Orchestrator.DesiredState!.Find("web")!.Replicas);
        Assert.Equal(3, fleet.Orchestrator.GetStatus()["web"]!.Desired);
        Screenshot(driver, "dashboard-refused.png");
    }

    private static async Task<string> BuildImageAsync(Orchestration.Testing.TestFleet fleet)
    {
        var context = Directory.CreateTempSubdirectory("dashboard-ui-build-");
        var tag = $"orchestration/dashboard-ui:{Guid.NewGuid().ToString("n")[..8]}";
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), $"FROM {Fleets.Image}\nCOPY page.html /www/page.html\n");
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "page.html"), "hello");
            await fleet.Services.GetRequiredService<DockerImages>().BuildAsync(context.FullName, tag);
        }
        finally
        {
            context.Delete(recursive: true);
            using var rmi = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("docker", ["rmi", "-f", tag]) { RedirectStandardOutput = true, RedirectStandardError = true });
            await rmi!.WaitForExitAsync();
        }

        return tag;
    }

    /// <summary>Saves a screenshot under artifacts/screenshots of the repository (the README's images come from there).</summary>
    private static void Screenshot(IWebDriver driver, string name)
    {
        var directory = Path.Combine(RepositoryScripts.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(directory, name));
    }
}
