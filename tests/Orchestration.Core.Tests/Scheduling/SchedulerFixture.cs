using Microsoft.Extensions.Options;
using Orchestration.Runtime;
using Orchestration.Scheduling;

namespace Orchestration.Tests.Scheduling;

/// <summary>A scheduler over a cache of simulated nodes, without the control loop.</summary>
internal sealed class SchedulerFixture
{
    public SchedulerFixture(int nodes, long cpu = 4000, long memory = 8L << 30, int nodesToScore = 64, IEnumerable<IFilterPlugin>? filters = null, IEnumerable<IScorePlugin>? scorers = null)
    {
        for (var i = 0; i < nodes; i++)
        {
            Cache.Upsert(new NodeInfo { Name = $"n{i}", CpuMillicores = cpu, MemoryBytes = memory });
        }

        Scheduler = new Scheduler(Cache, filters ?? [], scorers ?? [], Options.Create(new OrchestrationOptions { NodesToScore = nodesToScore }));
    }

    public SchedulingCache Cache { get; } = new();

    public Scheduler Scheduler { get; }

    public Dictionary<string, int> CountsOf(string workload) => Cache.Nodes.ToDictionary(n => n.Name, n => n.CountOf(workload));

    public List<ScheduleResult> PlaceMany(WorkloadSpec spec, int count)
        => [.. Enumerable.Range(0, count).Select(i => Scheduler.Schedule(new PlacementRequest(spec, $"r{i}")))];
}
