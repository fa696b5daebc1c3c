using System.Text;
using Microsoft.Extensions.Options;
using Orchestration.Scheduling.Plugins;

namespace Orchestration.Scheduling;

/// <summary>Places replicas: runs every filter, scores the feasible nodes, reserves on the best one, all under the
/// cache's lock.
/// <para>Sampling: like kube-scheduler's percentageOfNodesToScore, the search stops once
/// <see cref="OrchestrationOptions.NodesToScore"/> feasible nodes were found, and the next search starts where the
/// last one stopped (a rotating start index), so every node is visited in turn. Filters are exact: a node is only
/// chosen after every filter accepted it, and "nothing fits" is only reported after every node was filtered.</para></summary>
internal sealed class Scheduler
{
    private readonly SchedulingCache _cache;
    private readonly IFilterPlugin[] _filters;
    private readonly IScorePlugin[] _scorers;
    private readonly int _nodesToScore;
    private readonly int[] _rejected;
    private SchedulerNode[] _candidates = [];
    private long[] _raw = [];
    private long[] _total = [];
    private int _start;

    public Scheduler(SchedulingCache cache, IEnumerable<IFilterPlugin> filters, IEnumerable<IScorePlugin> scorers, IOptions<OrchestrationOptions> options)
    {
        _cache = cache;
        _filters =
        [
            new NodeReadyFilter(), new CordonedFilter(cache), new ResourcesFitFilter(), new NodeSelectorFilter(), new TaintTolerationFilter(),
            new RequiredAntiAffinityFilter(), new TopologySpreadFilter(cache), .. filters,
        ];
        _scorers =
        [
            .. new IScorePlugin[]
            {
                new WorkloadSpreadScore(), new ResourceAllocationScore(), new BalancedAllocationScore(),
                new PreferredAntiAffinityScore(), new TaintPreferenceScore(),
            }.Concat(scorers).Where(s => s.Weight > 0),
        ];
        _nodesToScore = options.Value.NodesToScore;
        _rejected = new int[_filters.Length];
    }

    public IReadOnlyList<string> FilterNames => [.. _filters.Select(f => f.Name)];

    /// <summary>Chooses a node for <paramref name="request"/> and reserves its resources there.</summary>
    public ScheduleResult Schedule(in PlacementRequest request)
    {
        lock (_cache.Gate)
        {
            var nodes = _cache.Nodes;
            var n = nodes.Length;
            var want = _nodesToScore <= 0 ? n : Math.Min(_nodesToScore, n);
            EnsureBuffers(want);
            Array.Clear(_rejected);
            var found = 0;
            var visited = 0;
            var start = n == 0 ? 0 : _start % n;
            while (visited < n && found < want)
            {
                var node = nodes[(start + visited) % n];
                visited++;
                if (Passes(request, node))
                {
                    _candidates[found++] = node;
                }
            }

            _start = n == 0 ? 0 : (start + visited) % n;
            if (found == 0)
            {
                return new ScheduleResult(null, DescribeRejections(n));
            }

            var best = found == 1 ? _candidates[0] : Best(request, found);
            return new ScheduleResult(_cache.ReserveLocked(best, request), null);
        }
    }

    /// <summary>Places <paramref name="request"/> on the named node if every filter accepts it (daemon sets).</summary>
    public ScheduleResult ScheduleOn(in PlacementRequest request, string nodeName)
    {
        lock (_cache.Gate)
        {
            var node = _cache.Find(nodeName);
            if (node is null)
            {
                return new ScheduleResult(null, $"node '{nodeName}' is unknown");
            }

            Array.Clear(_rejected);
            return Passes(request, node)
                ? new ScheduleResult(_cache.ReserveLocked(node, request), null)
                : new ScheduleResult(null, DescribeRejections(1));
        }
    }

    private bool Passes(in PlacementRequest request, SchedulerNode node)
    {
        for (var f = 0; f < _filters.Length; f++)
        {
            if (!_filters[f].Filter(request, node))
            {
                _rejected[f]++;
                return false;
            }
        }

        return true;
    }

    private SchedulerNode Best(in PlacementRequest request, int found)
    {
        Array.Clear(_total, 0, found);
        foreach (var scorer in _scorers)
        {
            long min = long.MaxValue, max = long.MinValue;
            for (var i = 0; i < found; i++)
            {
                var s = scorer.Score(request, _candidates[i]);
                _raw[i] = s;
                min = Math.Min(min, s);
                max = Math.Max(max, s);
            }

            if (max == min)
            {
                continue;
            }

            var range = max - min;
            for (var i = 0; i < found; i++)
            {
                _total[i] += scorer.Weight * ((_raw[i] - min) * 100 / range);
            }
        }

        var best = 0;
        for (var i = 1; i < found; i++)
        {
            if (_total[i] > _total[best])
            {
                best = i;
            }
        }

        return _candidates[best];
    }

    private void EnsureBuffers(int size)
    {
        if (_candidates.Length < size)
        {
            _candidates = new SchedulerNode[size];
            _raw = new long[size];
            _total = new long[size];
        }
    }

    private string DescribeRejections(int nodes)
    {
        var text = new StringBuilder().Append("0/").Append(nodes).Append(" nodes fit");
        var separator = ": ";
        for (var f = 0; f < _filters.Length; f++)
        {
            if (_rejected[f] > 0)
            {
                text.Append(separator).Append(_rejected[f]).Append(" rejected by ").Append(_filters[f].Name);
                separator = ", ";
            }
        }

        return text.ToString();
    }
}
