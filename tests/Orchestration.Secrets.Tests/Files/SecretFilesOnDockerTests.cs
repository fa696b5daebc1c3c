using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestration.Events;
using Orchestration.Secrets.Tests.Infrastructure;
using Orchestration.TestSupport;
using Orchestration.Testing;

namespace Orchestration.Secrets.Tests.Files;

[Collection(EngineCollection.Name)]
public sealed class SecretFilesOnDockerTests
{
    private const string DbPassword = "db-Pa55-7f3c91e2";
    private const string ApiToken = "tok-4e8b2a9d61aa";
    private const string Settings = "{\"feature\":\"on\"}";

    /// <summary>A value the engine refuses (a NUL in an environment variable) and quotes back in its error.</summary>
    private const string Refused = "leak-9d31c7\0x";

    [Fact]
    public async Task Two_secrets_and_a_configuration_file_are_tmpfs_files_of_mode_0400_and_no_value_shows_in_inspect_environment_labels_events_logs_or_a_failed_start()
    {
        var logs = new CapturedLogs();
        var events = new ConcurrentQueue<OrchestrationEvent>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Secrets:db-password"] = DbPassword,
            ["Secrets:api-token"] = ApiToken,
            ["Secrets:refused"] = Refused,
        }).Build();
        await using var fleet = await TestFleet.StartAsync(b => b
            .AddWorkload("app", w => w
                .Image("orchestration/busybox:1")
                .User("1000:1000")
                .Command("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait $!")
                .SecretFile("db-password")
                .SecretFile("api-token")
                .ConfigFile("/etc/app/settings.json", Settings)
                .Readiness(Probe.Exec("sh", "-c", "cat /run/secrets/db-password /run/secrets/api-token /etc/app/settings.json")))
            .ConfigureServices(s =>
            {
                s.AddSingleton<IConfiguration>(configuration);
                s.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            })
            .OnEvent(events.Enqueue));

        // Read as the container's own user (1000), as the readiness probe already did.
        var read = (await fleet.ExecAsync("app", ["sh", "-c", "cat /run/secrets/db-password; echo; cat /run/secrets/api-token; echo; cat /etc/app/settings.json; echo; id -u"])).Single();
        Assert.Equal(0, read.ExitCode);
        Assert.Equal([DbPassword, ApiToken, Settings, "1000"], read.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var listing = (await fleet.ExecAsync("app", ["sh", "-c", "ls -ln /run/secrets/db-password /run/secrets/api-token /etc/app/settings.json; grep -E ' (/run/secrets|/etc/app) ' /proc/mounts; echo x > /run/secrets/new 2>&1 || echo refused"])).Single().Output;
        var files = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('-')).ToList();
        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.Matches(@"^-r--------\s+1\s+1000\s+1000\s", f));
        var mounts = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("tmpfs ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mounts.Count);
        Assert.All(mounts, m => Assert.StartsWith("tmpfs ", m));
        Assert.All(mounts, m => Assert.Contains(" ro,", m));
        Assert.Contains("refused", listing);

        var environment = (await fleet.ExecAsync("app", ["env"])).Single().Output;
        Assert.DoesNotContain(DbPassword, environment);
        Assert.DoesNotContain(ApiToken, environment);

        var app = fleet.Orchestrator.GetStatus()["app"]!.Replicas.Single();
        var inspect = await DockerCli.RunAsync("inspect", app.ContainerId!);
        Assert.Contains("io.orchestration.fleet", inspect);
        var volumes = await DockerCli.RunAsync("volume", "ls", "-q", "--filter", "label=io.orchestration.file-volume", "--filter", $"label=io.orchestration.fleet={fleet.Name}");
        var volumeInspect = await DockerCli.RunAsync(["volume", "inspect", .. volumes.Split('\n', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.Contains("\"type\": \"tmpfs\"", volumeInspect);

        // A start the engine refuses: its error quotes the environment variable, value included.
        await fleet.Orchestrator.ApplyAsync(fleet.Orchestrator.DesiredState! with
        {
            Workloads = fleet.Orchestrator.DesiredState!.Workloads.Add(new WorkloadBuilder("refused").Image("orchestration/busybox:1")
                .Command("true").Secret("TOKEN", "refused").Build()),
        });
        var failed = await WaitForAsync(events, e => e is ReplicaExited { Workload: "refused" } x && x.Reason.Contains("start failed", StringComparison.Ordinal));
        Assert.Contains("TOKEN=***", ((ReplicaExited)failed).Reason);

        foreach (var value in new[] { DbPassword, ApiToken, "leak-9d31c7" })
        {
            Assert.DoesNotContain(value, inspect);
            Assert.DoesNotContain(value, volumeInspect);
            Assert.DoesNotContain(value, string.Join('\n', events.Select(e => $"{e} {e.Message}")));
            Assert.DoesNotContain(value, string.Join('\n', logs.Lines));
            Assert.DoesNotContain(value, fleet.Orchestrator.DesiredState!.ToString());
            Assert.DoesNotContain(value, string.Join('\n', fleet.Orchestrator.DesiredState!.Workloads.Select(w => w.ToString())));
            Assert.DoesNotContain(value, fleet.Orchestrator.GetStatus().ToString());
        }
    }

    [Fact]
    public async Task An_unresolvable_secret_fails_the_apply_naming_it_and_creates_nothing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Secrets:present"] = "p-6d1f0b" }).Build();
        await using var fleet = await TestFleet.StartAsync(b => b
            .AddWorkload("base", w => w.Image("orchestration/busybox:1").Command("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait $!"))
            .ConfigureServices(s => s.AddSingleton<IConfiguration>(configuration)));
        var before = await DockerCli.RunAsync("ps", "-aq", "--filter", $"label=io.orchestration.fleet={fleet.Name}");

        var next = fleet.Orchestrator.DesiredState! with
        {
            Workloads = fleet.Orchestrator.DesiredState!.Workloads.Add(new WorkloadBuilder("api").Image("orchestration/busybox:1").Replicas(2)
                .SecretFile("present").SecretFile("db-password").Build()),
        };
        var error = await Assert.ThrowsAsync<SpecValidationException>(() => fleet.Orchestrator.ApplyAsync(next));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("workloads[\"api\"].files[\"/run/secrets/db-password\"].secret", problem.Path);
        Assert.Equal("db-password", problem.Value);
        Assert.Contains("db-password", error.Message);
        Assert.DoesNotContain("p-6d1f0b", error.Message);
        Assert.Null(fleet.Orchestrator.DesiredState!.Find("api"));
        Assert.Null(fleet.Orchestrator.GetStatus()["api"]);
        Assert.Equal(before, await DockerCli.RunAsync("ps", "-aq", "--filter", $"label=io.orchestration.fleet={fleet.Name}"));
    }

    private static async Task<OrchestrationEvent> WaitForAsync(ConcurrentQueue<OrchestrationEvent> events, Func<OrchestrationEvent, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (events.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No matching event within 60 s: " + string.Join(" | ", events.TakeLast(10).Select(e => e.Message)));
    }
}
