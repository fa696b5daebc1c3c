namespace Orchestration.RealServers;

/// <summary>The RealServers fleet: redis as the cache, nginx ×2 as the web tier that waits for it. Declared once, run
/// on Docker by Program.cs and exported to Kubernetes by <c>dotnet run -- kubernetes</c>.</summary>
public static class RealServersFleet
{
    /// <summary>The fleet's name.</summary>
    public const string Name = "realservers";

    /// <summary>The image with redis and nginx from Debian packages, built by eng/server-images.sh.</summary>
    public const string Image = "orchestration/debian-servers:1";

    /// <summary>The fleet's workloads.</summary>
    public static FleetSpec Build()
        => new FleetBuilder(Name)
            .AddWorkload("cache", w => w
                .Image(Image)
                .PullPolicy(PullPolicy.Never)
                .User("redis")
                .Command("redis-server")
                .Args("--bind", "0.0.0.0", "--protected-mode", "no", "--save", "", "--appendonly", "no", "--dir", "/tmp")
                .Port("redis", 6379)
                .Limits(memory: "128Mi", pids: 64)
                .Readiness(Probe.Exec("sh", "-c", "test \"$(redis-cli ping)\" = PONG"))
                .Liveness(Probe.Tcp("redis"))
                .StopGracePeriod(TimeSpan.FromSeconds(5)))
            .AddWorkload("web", w => w
                .Image(Image)
                .PullPolicy(PullPolicy.Never)
                .User("www-data")
                .Replicas(2)
                .Command("nginx", "-e", "stderr", "-c", "/etc/nginx/orchestration.conf", "-g", "daemon off;")
                .Port("http", 8080)
                .Limits(memory: "64Mi", pids: 64)
                .Readiness(Probe.Http("/healthz", "http"))
                .Liveness(Probe.Tcp("http"))
                .StopGracePeriod(TimeSpan.FromSeconds(5))
                .DependsOn("cache"))
            .Build();
}
