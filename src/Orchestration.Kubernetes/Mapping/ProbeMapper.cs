using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>HTTP, TCP and exec probes with their timings and thresholds.</summary>
internal static class ProbeMapper
{
    public static V1Probe? Map(ProbeSpec? probe, string which, WorkloadSpec workload, ExportContext context)
    {
        if (probe is null)
        {
            return null;
        }

        var at = $"{ExportContext.PathOf(workload)}.probes.{which}";
        var result = new V1Probe
        {
            InitialDelaySeconds = Seconds.Of(probe.InitialDelay, context, $"{at}.initialDelay"),
            PeriodSeconds = Seconds.Of(probe.Period, context, $"{at}.period", minimum: 1),
            TimeoutSeconds = Seconds.Of(probe.Timeout, context, $"{at}.timeout", minimum: 1),
            SuccessThreshold = probe.SuccessThreshold,
            FailureThreshold = probe.FailureThreshold,
        };

        if (which != "readiness" && probe.SuccessThreshold != 1)
        {
            context.Warn($"{at}.successThreshold", $"is {probe.SuccessThreshold}; Kubernetes allows only 1 for a {which} probe, so the manifests say 1");
            result.SuccessThreshold = 1;
        }

        switch (probe.Kind)
        {
            case ProbeKind.Http:
                result.HttpGet = new V1HTTPGetAction { Path = probe.Path, Port = probe.Port };
                break;
            case ProbeKind.Tcp:
                result.TcpSocket = new V1TCPSocketAction { Port = probe.Port };
                break;
            case ProbeKind.Exec:
                result.Exec = new V1ExecAction { Command = [.. probe.Command] };
                break;
            default:
                context.Warn($"{at}.kind", $"'{probe.Kind}' has no Kubernetes probe; the probe is left out");
                return null;
        }

        return result;
    }
}
