using System.Globalization;

namespace Orchestration.Services.Tests.Infrastructure;

/// <summary>busybox httpd replicas that say who they are (<c>GET /id</c> answers the container's hostname) and are
/// ready while <c>/www/ready</c> exists, so a test can take one out of readiness with <c>rm /www/ready</c>.</summary>
internal static class TestWorkloads
{
    public const string V1 = "orchestration/busybox:1";

    public const string V2 = "orchestration/busybox:2";

    public static readonly TimeSpan ProbePeriod = TimeSpan.FromMilliseconds(500);

    public static WorkloadSpec Web(string image = V1, int replicas = 3, string name = "web", int version = 1) => new WorkloadBuilder(name)
        .Image(image).Replicas(replicas).Port("http", 8080)
        .Command("sh", "-c", "trap 'exit 0' TERM INT; hostname > /www/id; touch /www/ready; httpd -f -p 8080 -h /www & wait $!")
        .Env("VERSION", version.ToString(CultureInfo.InvariantCulture))
        .Readiness(Probe.Http("/ready") with { Period = ProbePeriod, FailureThreshold = 1 })
        .RollingUpdate(maxSurge: 1, maxUnavailable: 0, progressDeadline: TimeSpan.FromSeconds(60))
        .DrainDelay(TimeSpan.FromSeconds(1))
        .StopGracePeriod(TimeSpan.FromSeconds(2))
        .Build();

    /// <summary>A replica on the fleet network that calls <c>http://{target}:8080/</c> by name in a loop, a new
    /// connection (and a new DNS lookup) per request, and counts answers in /tmp/ok and failures in /tmp/fail.</summary>
    public static WorkloadSpec Caller(string target, string name = "caller") => new WorkloadBuilder(name)
        .Image(V1)
        .Command("sh", "-c",
            "trap 'exit 0' TERM INT; touch /tmp/ok /tmp/fail; "
            + $"while true; do if printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 3 {target} 8080 2>>/tmp/err | grep -q '200 OK'; "
            + "then echo . >> /tmp/ok; else date +%T.%N >> /tmp/fail; fi; sleep 0.02; done & wait $!")
        .StopGracePeriod(TimeSpan.FromSeconds(1))
        .Build();
}
