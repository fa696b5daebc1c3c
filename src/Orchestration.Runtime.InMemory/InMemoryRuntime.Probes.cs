using Orchestration.Health;
using Orchestration.Runtime;

namespace Orchestration.InMemory;

/// <summary>Probe simulation: simulated containers have no sockets, so the runtime answers their probes itself,
/// deterministically, from the behaviour set for the container, its workload or its image.</summary>
public sealed partial class InMemoryRuntime
{
    private readonly Dictionary<string, ProbeBehavior> _probeBehaviors = new(StringComparer.Ordinal);

    /// <summary>Sets how probes of <paramref name="target"/> are answered from now on: a container id, a workload
    /// name or an image reference (the most specific match wins).</summary>
    public void SetProbeBehavior(string target, ProbeBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(behavior);
        lock (_gate)
        {
            _probeBehaviors[target] = behavior;
        }
    }

    /// <summary>Answers a probe of one of its containers (through <see cref="InMemoryProbeTransport"/>).</summary>
    internal ProbeOutcome Answer(ContainerRef container, ProbeTarget target, ProbeSpec probe)
    {
        lock (_gate)
        {
            if (!_containers.TryGetValue(container.Id, out var c) || c.Info.State != ContainerState.Running)
            {
                return ProbeOutcome.Failed(probe.Kind == ProbeKind.Exec ? "the container is not running" : "connection refused");
            }

            if (!_nodes.TryGetValue(container.Node, out var node) || !node.Reachable)
            {
                return ProbeOutcome.Failed($"timed out after {probe.Timeout.TotalSeconds:0.###} s");
            }

            var behavior = Behavior(container.Id) ?? Behavior(c.Workload) ?? Behavior(c.Image) ?? ProbeBehavior.Healthy;
            var warm = _time.GetUtcNow() - (c.Info.StartedAt ?? _time.GetUtcNow()) >= behavior.ReadyAfter;
            var passes = target switch
            {
                ProbeTarget.Startup => behavior.Startup && warm,
                ProbeTarget.Readiness => behavior.Readiness && warm,
                _ => behavior.Liveness,
            };
            return passes ? ProbeOutcome.Passed : ProbeOutcome.Failed(behavior.Failure);
        }
    }

    private ProbeBehavior? Behavior(string? key) => key is not null && _probeBehaviors.TryGetValue(key, out var b) ? b : null;
}
