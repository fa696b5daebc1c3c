using Orchestration.Testing;

namespace Orchestration.AspNetCore.Tests.Support;

/// <summary>Test fleets on the real engine for one test each, started without waiting for readiness (the tests wait for
/// what they check).</summary>
internal static class Fleets
{
    public const string Image = "orchestration/busybox:1";

    public static Task<TestFleet> StartAsync(string prefix, params WorkloadSpec[] workloads)
        => TestFleet.StartAsync(
            b =>
            {
                foreach (var workload in workloads)
                {
                    b.AddWorkload(workload);
                }
            },
            new TestFleetOptions { FleetNamePrefix = prefix, WaitUntilReady = false });

    /// <summary>busybox httpd on 8080, ready when it answers; stops at once.</summary>
    public static WorkloadSpec Web(string name = "web", int replicas = 1, string version = "1") => new WorkloadBuilder(name)
        .Image(Image).PullPolicy(PullPolicy.Never).Replicas(replicas).Port("http", 8080)
        .Env("VERSION", version)
        .Readiness(Probe.Http("/") with { Period = TimeSpan.FromMilliseconds(250) })
        .StopGracePeriod(TimeSpan.FromSeconds(1))
        .Build();

    /// <summary>Writes "tick N" every 200 ms.</summary>
    public static WorkloadSpec Ticker() => new WorkloadBuilder("ticker")
        .Image(Image).PullPolicy(PullPolicy.Never)
        .Command("sh", "-c", "trap 'exit 0' TERM; i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.2; done")
        .StopGracePeriod(TimeSpan.FromSeconds(1))
        .Build();
}
