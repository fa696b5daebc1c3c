using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestration.AspNetCore.Tests.Support;
using Orchestration.Events;

namespace Orchestration.AspNetCore.Tests;

[Collection(EngineCollection.Name)]
public sealed class ApiTests
{
    private const string Operator = "alice:" + TestUsers.OperatorRole;
    private const string Reader = "bob";

    [Fact]
    public async Task Refuses_unauthenticated_calls_and_calls_without_the_operate_policy_and_takes_authorized_ones()
    {
        await using var fleet = await Fleets.StartAsync("api", Fleets.Web());
        await fleet.WaitForAsync(s => s["web"]!.Ready == 1);
        await using var server = await DashboardServer.StartAsync(fleet.Orchestrator);

        using var anonymous = server.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("workloads/web/scale", new { replicas = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(server.Address, "/orchestration"))).StatusCode);

        using var reader = server.Client(Reader);
        var status = await reader.GetFromJsonAsync<JsonElement>("status");
        Assert.Equal("web", status.GetProperty("workloads")[0].GetProperty("name").GetString());
        Assert.Equal("Available", status.GetProperty("workloads")[0].GetProperty("phase").GetString());

        var refused = await reader.PostAsJsonAsync("workloads/web/scale", new { replicas = 3 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Refused: user 'bob' may not scale web", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var refusal = await fleet.WaitForEventAsync<OperationRecorded>(e => e.User == "bob");
        Assert.Equal(OperationOutcome.Refused, refusal.Outcome);
        Assert.Equal("scale", refusal.Operation);
        Assert.Equal(1, fleet.Orchestrator.DesiredState!.Find("web")!.Replicas);
        Assert.DoesNotContain(fleet.EventsSoFar(), e => e is WorkloadScaled);

        using var admin = server.Client(Operator);
        var scaled = await admin.PostAsJsonAsync("workloads/web/scale", new { replicas = 2 });
        Assert.Equal(HttpStatusCode.OK, scaled.StatusCode);
        Assert.Equal("Scaled 'web' to 2 replicas.", (await scaled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        var done = await fleet.WaitForEventAsync<OperationRecorded>(e => e.User == "alice");
        Assert.Equal(OperationOutcome.Succeeded, done.Outcome);
        Assert.Equal("to 2 replicas", done.Detail);
        await fleet.WaitForAsync(s => s["web"]!.Ready == 2);

        // A failure is an event too, and a 400 naming the problem.
        var missing = await admin.PostAsJsonAsync("workloads/nope/scale", new { replicas = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Workload 'nope' is not part of fleet", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        await fleet.WaitForEventAsync<OperationRecorded>(e => e.Outcome == OperationOutcome.Failed && e.Target == "nope");
    }

    [Fact]
    public async Task Without_an_operate_policy_every_operation_is_refused_and_a_cookie_needs_the_antiforgery_token()
    {
        await using var fleet = await Fleets.StartAsync("apidef", Fleets.Web());
        await fleet.WaitForAsync(s => s["web"]!.Ready == 1);
        await using (var defaults = await DashboardServer.StartAsync(fleet.Orchestrator, defineOperatePolicy: false))
        {
            using var admin = defaults.Client(Operator);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("status")).StatusCode);
            var node = fleet.Orchestrator.GetStatus().Nodes[0].Name;
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("workloads/web/scale", new { replicas = 2 })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"nodes/{node}/cordon", null)).StatusCode);
            Assert.False(fleet.Orchestrator.GetStatus().Nodes[0].Cordoned);
            Assert.Equal(1, fleet.Orchestrator.DesiredState!.Find("web")!.Replicas);
        }

        await using var server = await DashboardServer.StartAsync(fleet.Orchestrator);
        using var browserLike = new HttpClient { BaseAddress = new Uri(server.Address, "/orchestration/api/") };
        browserLike.DefaultRequestHeaders.Add("Cookie", $"{TestUsers.Cookie}={Uri.EscapeDataString(Operator)}");
        var forged = await browserLike.PostAsJsonAsync("workloads/web/scale", new { replicas = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("antiforgery", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var refusal = await fleet.WaitForEventAsync<OperationRecorded>(e => e.Detail != null && e.Detail.Contains("antiforgery", StringComparison.Ordinal));
        Assert.Equal(OperationOutcome.Refused, refusal.Outcome);
        Assert.Equal("alice", refusal.User);
        Assert.Equal(1, fleet.Orchestrator.DesiredState!.Find("web")!.Replicas);
    }

    [Fact]
    public async Task Restarts_a_replica_and_follows_its_logs_across_the_restart()
    {
        await using var fleet = await Fleets.StartAsync("logs", Fleets.Ticker());
        var before = (await fleet.WaitForAsync(s => s["ticker"]!.Replicas is [{ Phase: ReplicaPhase.Running, ContainerId: not null }])).Replicas("ticker")[0];
        await using var server = await DashboardServer.StartAsync(fleet.Orchestrator);
        using var admin = server.Client(Operator);

        using var stream = await admin.GetAsync($"workloads/ticker/replicas/{before.Id}/logs?tail=5", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType!.MediaType);
        using var lines = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.StartsWith("\"tick ", await NextLineAsync(lines));
        Assert.StartsWith("\"tick ", await NextLineAsync(lines));

        var restarted = await admin.PostAsync($"workloads/ticker/replicas/{before.Id}/restart", null);
        Assert.Equal(HttpStatusCode.OK, restarted.StatusCode);
        var after = (await fleet.WaitForAsync(s => s["ticker"]!.Replicas is [{ Phase: ReplicaPhase.Running } r] && r.ContainerId != before.ContainerId)).Replicas("ticker")[0];
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.Restarts + 1, after.Restarts);
        await fleet.WaitForEventAsync<OperationRecorded>(e => e.Operation == "restart" && e.User == "alice" && e.Outcome == OperationOutcome.Succeeded);

        // The same stream goes on with the new container's output: "tick 0" again, after a separator line.
        string line;
        do
        {
            line = await NextLineAsync(lines);
        }
        while (!line.Contains("--- replica ticker/", StringComparison.Ordinal));
        Assert.Contains(after.ContainerId![..12], line);
        Assert.Equal("\"tick 0\"", await NextLineAsync(lines));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("workloads/ticker/replicas/nope/logs")).StatusCode);
    }

    [Fact]
    public async Task Image_builds_report_progress_as_events_that_the_snapshot_shows()
    {
        await using var fleet = await Fleets.StartAsync("img", Fleets.Web());
        await using var server = await DashboardServer.StartAsync(fleet.Orchestrator);
        var context = Directory.CreateTempSubdirectory("dashboard-build-");
        var tag = $"orchestration/dashboard-test:{Guid.NewGuid().ToString("n")[..8]}";
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), $"FROM {Fleets.Image}\nCOPY a.txt /www/a.txt\nCOPY b.txt /www/b.txt\n");
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "a.txt"), new string('a', 20_000));
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "b.txt"), "b");
            var images = (Runtime.Docker.DockerImages)fleet.Services.GetService(typeof(Runtime.Docker.DockerImages))!;
            await images.BuildAsync(context.FullName, tag);

            var progress = fleet.EventsSoFar().OfType<ImageProgress>().Where(p => p.Image == tag).ToList();
            Assert.True(progress.Count >= 2, $"{progress.Count} progress events");
            Assert.False(progress[0].Done);
            Assert.Equal(ImageOperation.Build, progress[0].Operation);
            var last = progress[^1];
            Assert.True(last.Done);
            Assert.Null(last.Error);
            Assert.Equal(3, last.LayersTotal);
            Assert.Equal(3, last.LayersDone);
            Assert.True(last.BytesTotal > 20_000, $"context of {last.BytesTotal} bytes");

            using var reader = server.Client(Reader);
            var snapshot = await reader.GetFromJsonAsync<JsonElement>("snapshot");
            var shown = snapshot.GetProperty("images").EnumerateArray().Single(i => i.GetProperty("image").GetString() == tag);
            Assert.True(shown.GetProperty("done").GetBoolean());
            Assert.Equal("Build", shown.GetProperty("operation").GetString());
        }
        finally
        {
            context.Delete(recursive: true);
            using var rmi = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("docker", ["rmi", "-f", tag]) { RedirectStandardOutput = true, RedirectStandardError = true });
            await rmi!.WaitForExitAsync();
        }
    }

    /// <summary>The data of the next server-sent event, with a deadline.</summary>
    private static async Task<string> NextLineAsync(StreamReader reader)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await reader.ReadLineAsync(deadline.Token) ?? throw new EndOfStreamException("the log stream ended");
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line["data: ".Length..];
            }
        }
    }
}
