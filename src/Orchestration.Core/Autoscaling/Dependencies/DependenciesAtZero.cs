using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.State;

namespace Orchestration.Autoscaling;

/// <summary>Lets the dependency gate open for a dependency that is an autoscaled service at zero replicas: such a
/// dependency has no replica to become ready until a connection to its service address wakes it, so a dependant that
/// waited for it would wait forever. The dependant starts, and a <see cref="DependencyAtZero"/> event says why.</summary>
internal sealed class DependenciesAtZero
{
    private readonly DesiredStateStore _desired;
    private readonly EventHub _events;
    private readonly TimeProvider _time;
    private readonly string _fleet;
    private readonly ConcurrentDictionary<(string Dependant, string Dependency), byte> _reported = new();

    public DependenciesAtZero(DesiredStateStore desired, EventHub events, TimeProvider time, IOptions<OrchestrationOptions> options)
    {
        _desired = desired;
        _events = events;
        _time = time;
        _fleet = options.Value.FleetName;
    }

    /// <summary>Whether <paramref name="dependency"/> is an autoscaled service that may scale to zero and is at zero.</summary>
    public bool IsAtZero(DependencySpec dependency)
        => dependency.Condition != DependencyCondition.Completed
            && _desired.Current?.Find(dependency.Workload) is { Kind: WorkloadKind.Service, Replicas: 0, Autoscaling.MinReplicas: 0 };

    /// <summary>True when every dependency in <paramref name="waiting"/> is at zero; then reports each once for
    /// <paramref name="dependant"/>.</summary>
    public bool LetThrough(string dependant, IReadOnlyList<DependencySpec> waiting)
    {
        if (waiting.Count == 0 || !waiting.All(IsAtZero))
        {
            return false;
        }

        foreach (var dependency in waiting)
        {
            if (_reported.TryAdd((dependant, dependency.Workload), 0))
            {
                _events.Publish(new DependencyAtZero { Time = _time.GetUtcNow(), Fleet = _fleet, Workload = dependant, Dependency = dependency.Workload });
            }
        }

        return true;
    }
}
