using System.Net.Http;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.TestSupport;
using Orchestration.Testing;

namespace Orchestration.Docker.Tests.Hardening;

/// <summary>Debian's nginx and PostgreSQL, installed by their packages (orchestration/debian-packaged:1, built by
/// eng/server-images.sh) and started the way the packages start them, under the default Baseline profile and under
/// Restricted, as docs/security.md describes.</summary>
[Collection(DockerCollection.Name)]
public sealed class SecurityProfileTests(EngineFixture engine)
{
    private const string Image = PackagedImage.Name;

    private static readonly TestFleetOptions Options = new() { ReadyTimeout = TimeSpan.FromSeconds(90) };

    [Fact]
    public async Task Baseline_runs_nginx_as_root_switching_to_www_data_and_postgresql_as_its_unit_does()
    {
        await PackagedImage.RequireAsync(engine);
        await using var fleet = await TestFleet.StartAsync(b => b
            .AddWorkload("web", w => w.Image(Image).PullPolicy(PullPolicy.Never).Port("http", 80).Readiness(Probe.Http("/")))
            .AddWorkload("db", w => w.Image(Image).PullPolicy(PullPolicy.Never).User("postgres")
                .Command("pg_ctlcluster", "--foreground", "15", "main", "start")
                .Port("pg", 5432).Readiness(Probe.Exec("pg_isready", "-q"))), Options);

        using var http = new HttpClient();
        Assert.Contains("nginx", await http.GetStringAsync(fleet.Endpoint("web", "http")), StringComparison.OrdinalIgnoreCase);
        var status = fleet.Orchestrator.GetStatus();
        Assert.All(status.Workloads, w => Assert.Equal(0, w.Replicas.Sum(r => r.Restarts)));
    }

    [Fact]
    public async Task Restricted_refuses_nginx_without_a_non_root_user_and_names_the_profile_when_it_fails_as_www_data()
    {
        await PackagedImage.RequireAsync(engine);
        var refused = await Assert.ThrowsAsync<SpecValidationException>(() => TestFleet.StartAsync(b => b
            .AddWorkload("web", w => w.Image(Image).PullPolicy(PullPolicy.Never).SecurityProfile(SecurityProfile.Restricted).Port("http", 80)), Options));
        Assert.Equal("workloads[\"web\"].security.user", Assert.Single(refused.Problems).Path);

        // As www-data, nginx cannot open the package's log and pid files nor bind port 80: one run, no restarts.
        var failed = await Assert.ThrowsAsync<FleetNotReadyException>(() => TestFleet.StartAsync(b => b
            .AddWorkload("web", w => w.Image(Image).PullPolicy(PullPolicy.Never).SecurityProfile(SecurityProfile.Restricted).User("www-data")
                .Job(backoffLimit: 0).RestartPolicy(RestartMode.Never)), Options));
        var replica = Assert.Single(failed.Status["web"]!.Replicas);
        Assert.Contains("likely cause: the Restricted security profile", replica.LastExitReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restricted_runs_postgresql_as_postgres_given_volumes_for_its_data_and_its_socket()
    {
        await PackagedImage.RequireAsync(engine);
        var volume = $"pgdata-{Guid.NewGuid():N}"[..20];

        // Volumes, not tmpfs: the engine copies the image's directories (owned by postgres) into a new volume, while
        // a tmpfs belongs to root.
        try
        {
            var fleet = await TestFleet.StartAsync(b => b
                .AddWorkload("db", w => w.Image(Image).PullPolicy(PullPolicy.Never).SecurityProfile(SecurityProfile.Restricted).User("postgres")
                    .Command("pg_ctlcluster", "--foreground", "15", "main", "start")
                    .Volume(volume, "/var/lib/postgresql").Volume(volume + "-run", "/var/run/postgresql")
                    .Port("pg", 5432).Readiness(Probe.Exec("pg_isready", "-q"))), new TestFleetOptions { ReadyTimeout = Options.ReadyTimeout, RemoveInBackground = false });
            await using (fleet)
            {
                var replica = Assert.Single(fleet.Orchestrator.GetStatus()["db"]!.Replicas);
                Assert.True(replica.Ready);
                Assert.Equal(0, replica.Restarts);
            }
        }
        finally
        {
            foreach (var name in new[] { volume, volume + "-run" })
            {
                try
                {
                    await engine.Engine.Volumes.RemoveAsync(name, force: true);
                }
                catch (global::Docker.DotNet.DockerApiException)
                {
                    // Never created: the fleet did not start.
                }
            }
        }
    }
}
