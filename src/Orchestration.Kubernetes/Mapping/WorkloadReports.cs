namespace Orchestration.Kubernetes.Mapping;

/// <summary>What every kind reports the same way: start order and restart backoff, which Kubernetes does not take
/// per workload.</summary>
internal static class WorkloadReports
{
    public static void Report(WorkloadSpec workload, ExportContext context)
    {
        var at = ExportContext.PathOf(workload);
        foreach (var dependency in workload.Dependencies)
        {
            context.Warn(
                $"{at}.dependencies[\"{dependency.Workload}\"]",
                $"waits for '{dependency.Workload}' to be {dependency.Condition}; Kubernetes starts every workload at once and has no start order: the pods must retry until '{dependency.Workload}' answers (its Service name resolves from the start), or add an init container that waits for it");
        }

        var restart = workload.Restart;
        if (restart.InitialDelay != RestartPolicy.Default.InitialDelay || restart.MaxDelay != RestartPolicy.Default.MaxDelay || restart.ResetAfter != RestartPolicy.Default.ResetAfter)
        {
            context.Warn(
                $"{at}.restart",
                "sets its own restart backoff; the kubelet's backoff is fixed for every pod (10 s doubling to 300 s, reset after 10 minutes of running), so it is not carried over");
        }
    }
}
