namespace Orchestration.Testing.Readiness;

/// <summary>Makes a test fleet's readiness found soon after it happens: HTTP and TCP readiness and startup probes that
/// keep the default period are polled every <see cref="TestFleetOptions.FastProbePeriod"/> instead, with the failure
/// threshold raised so that failing takes as long as declared (3 failures of 1 s become 15 of 200 ms). Exec probes (each
/// check is an exec in the container), liveness probes (they restart replicas) and probes with a period of their own
/// stay as declared.</summary>
internal static class FastProbes
{
    /// <summary>The period of a probe that declares none.</summary>
    private static readonly TimeSpan DefaultPeriod = Probe.Tcp("http").Period;

    public static FleetSpec Apply(FleetSpec fleet, TimeSpan? period)
        => period is { } p ? fleet with { Workloads = [.. fleet.Workloads.Select(w => Apply(w, p))] } : fleet;

    private static WorkloadSpec Apply(WorkloadSpec workload, TimeSpan period)
    {
        var probes = workload.Probes with
        {
            Startup = Faster(workload.Probes.Startup, period),
            Readiness = Faster(workload.Probes.Readiness, period),
        };
        return probes == workload.Probes ? workload : workload with { Probes = probes };
    }

    private static ProbeSpec? Faster(ProbeSpec? probe, TimeSpan period)
        => probe is { Kind: ProbeKind.Http or ProbeKind.Tcp } p && p.Period == DefaultPeriod && period < p.Period
            ? p with
            {
                Period = period,
                FailureThreshold = (int)Math.Ceiling(p.FailureThreshold * (p.Period.Ticks / (double)period.Ticks)),
            }
            : probe;
}
