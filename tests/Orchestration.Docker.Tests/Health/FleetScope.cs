using Orchestration.Testing;

namespace Orchestration.Docker.Tests.Health;

/// <summary>A test fleet on the real engine for one test, started without waiting for readiness and with the probes as
/// declared (the tests check how they behave).</summary>
public static class FleetScope
{
    public static Task<TestFleet> StartAsync(string prefix, params WorkloadSpec[] workloads)
        => TestFleet.StartAsync(
            b =>
            {
                foreach (var workload in workloads)
                {
                    b.AddWorkload(workload);
                }
            },
            new TestFleetOptions { FleetNamePrefix = prefix, WaitUntilReady = false, FastProbePeriod = null });
}
