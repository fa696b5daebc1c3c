namespace Orchestration;

/// <summary>Scaling by an autoscaler, and the refusal of a manual scale of an autoscaled service.</summary>
internal sealed partial class Orchestrator
{
    /// <summary>Sets the replica count of an autoscaled service to <paramref name="replicas"/> if it is still
    /// <paramref name="expected"/>; false when the spec changed meanwhile (no longer autoscaled, or another count).</summary>
    internal async Task<bool> AutoscaleAsync(string workload, int expected, int replicas, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _store.Current;
            if (current?.Find(workload) is not { Autoscaling: not null } spec || spec.Replicas != expected)
            {
                return false;
            }

            var next = current with { Workloads = current.Workloads.Replace(spec, spec with { Replicas = replicas }) };
            Replace(current, next);
            _events.Publish(new Events.WorkloadScaled { Time = _time.GetUtcNow(), Fleet = FleetName, Workload = workload, From = spec.Replicas, To = replicas });
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static void RefuseIfAutoscaled(WorkloadSpec spec)
    {
        if (spec.Autoscaling is { } autoscaling)
        {
            throw new InvalidOperationException(
                $"Workload '{spec.Name}' is autoscaled between {autoscaling.MinReplicas} and {autoscaling.MaxReplicas} replicas, so its autoscaler sets its replica count; "
                + "change its bounds (WorkloadBuilder.Autoscale, then ApplyAsync) instead of scaling it by hand.");
        }
    }
}
