namespace Orchestration.QuickStart;

/// <summary>The QuickStart fleet: a web workload of three replicas and a cache. Declared once, run on Docker by
/// Program.cs and exported to Kubernetes by <c>dotnet run -- kubernetes</c>.</summary>
public static class QuickStartFleet
{
    /// <summary>The fleet's name.</summary>
    public const string Name = "quickstart";

    /// <summary>The demo web image, built from web/ when the sample starts.</summary>
    public const string WebImage = "orchestration/quickstart-web:1";

    /// <summary>The fleet's workloads.</summary>
    public static FleetSpec Build()
        => new FleetBuilder(Name)
            .AddWorkload("web", w => w
                .Image(WebImage)
                .PullPolicy(PullPolicy.Never)
                .Replicas(3)
                .Port("http", 8080)
                .Limits(cpu: "250m", memory: "64Mi", pids: 64)
                .Readiness(Probe.Http("/", "http")))
            .AddWorkload("cache", w => w
                .Image("orchestration/busybox:1")
                .PullPolicy(PullPolicy.Never)
                .Command("httpd", "-f", "-p", "6379", "-h", "/www")
                .Port("cache", 6379)
                .Readiness(Probe.Tcp("cache")))
            .Build();
}
