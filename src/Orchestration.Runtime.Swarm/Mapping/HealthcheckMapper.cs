using System.Globalization;
using Docker.DotNet.Models;

namespace Orchestration.Runtime.Swarm.Mapping;

/// <summary>Turns a workload's probes into the one health check Swarm runs inside each task's container. Swarm marks a
/// task running only once that check passes, restarts a task whose check fails, and gates rolling updates on it; so
/// the readiness probe (else the liveness, else the startup probe) becomes the check, and a startup probe's budget
/// becomes its start period. HTTP and TCP probes run inside the container with curl, or with sh and nc.</summary>
internal static class HealthcheckMapper
{
    public static HealthcheckConfig? Map(WorkloadSpec spec)
    {
        var probes = spec.Probes;
        var probe = probes.Readiness ?? probes.Liveness ?? probes.Startup;
        if (probe is null)
        {
            return null;
        }

        var startPeriod = probe.InitialDelay;
        if (probes.Startup is { } startup && !ReferenceEquals(startup, probe))
        {
            startPeriod += startup.InitialDelay + (startup.Period * startup.FailureThreshold);
        }

        return new HealthcheckConfig
        {
            Test = Test(spec, probe),
            Interval = probe.Period,
            Timeout = probe.Timeout,
            Retries = probe.FailureThreshold,
            StartPeriod = startPeriod,
        };
    }

    private static List<string> Test(WorkloadSpec spec, ProbeSpec probe)
    {
        switch (probe.Kind)
        {
            case ProbeKind.Exec:
                return ["CMD", .. probe.Command];
            case ProbeKind.Http:
            {
                var port = ContainerPort(spec, probe);
                var path = probe.Path ?? "/";
                var url = $"http://127.0.0.1:{port}{path}";
                var request = $"GET {path} HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n";
                return
                [
                    "CMD-SHELL",
                    $"if command -v curl >/dev/null 2>&1; then curl -fsS -o /dev/null '{url}'; " +
                    $"else printf '{request}' | nc -w 2 127.0.0.1 {port} | head -n 1 | grep -q '^HTTP/[0-9.]* [23][0-9][0-9]'; fi",
                ];
            }

            default:
            {
                var port = ContainerPort(spec, probe);
                return ["CMD-SHELL", $"nc -w 1 127.0.0.1 {port} </dev/null"];
            }
        }
    }

    private static string ContainerPort(WorkloadSpec spec, ProbeSpec probe)
        => spec.Ports.First(p => string.Equals(p.Name, probe.Port, StringComparison.Ordinal)).ContainerPort.ToString(CultureInfo.InvariantCulture);
}
