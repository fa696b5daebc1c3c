namespace Orchestration;

/// <summary>Rules that span workloads: dependencies and fixed host ports.</summary>
internal static partial class SpecValidator
{
    private static void ValidateDependencies(FleetSpec fleet, List<ValidationProblem> problems)
    {
        var byName = new Dictionary<string, WorkloadSpec>(StringComparer.Ordinal);
        foreach (var w in fleet.Workloads)
        {
            byName.TryAdd(w.Name, w);
        }

        foreach (var w in fleet.Workloads)
        {
            foreach (var d in w.Dependencies)
            {
                var path = $"workloads[\"{w.Name}\"].dependencies[\"{d.Workload}\"]";
                if (string.Equals(d.Workload, w.Name, StringComparison.Ordinal))
                {
                    problems.Add(new(path, d.Workload, "is the workload itself; a workload cannot depend on itself"));
                }
                else if (!byName.TryGetValue(d.Workload, out var target))
                {
                    problems.Add(new(path, d.Workload, "is not a workload of this fleet" + DidYouMean(d.Workload, byName.Keys)));
                }
                else if (d.Condition == DependencyCondition.Completed && target.Kind != WorkloadKind.Job)
                {
                    problems.Add(new($"{path}.condition", d.Condition.ToString(), $"needs a job, but '{d.Workload}' is a {target.Kind}"));
                }
            }
        }

        foreach (var cycle in FindCycles(fleet, byName))
        {
            problems.Add(new($"workloads[\"{cycle[0]}\"].dependencies", string.Join(" -> ", cycle), "is a dependency cycle; none of these workloads could ever start"));
        }
    }

    private static string DidYouMean(string name, IEnumerable<string> known)
        => ClosestName.Find(name, known) is { } closest ? $"; did you mean '{closest}'?" : string.Empty;

    private static List<List<string>> FindCycles(FleetSpec fleet, Dictionary<string, WorkloadSpec> byName)
    {
        // Depth-first search with colours; each cycle is reported once, from its first declared member.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        var cycles = new List<List<string>>();

        void Visit(string name)
        {
            state[name] = 1;
            stack.Add(name);
            foreach (var d in byName[name].Dependencies)
            {
                if (!byName.ContainsKey(d.Workload) || d.Workload == name)
                {
                    continue;
                }

                var s = state.GetValueOrDefault(d.Workload);
                if (s == 0)
                {
                    Visit(d.Workload);
                }
                else if (s == 1)
                {
                    var start = stack.IndexOf(d.Workload);
                    cycles.Add([.. stack.Skip(start), d.Workload]);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[name] = 2;
        }

        foreach (var w in fleet.Workloads)
        {
            if (state.GetValueOrDefault(w.Name) == 0 && byName[w.Name] == w)
            {
                Visit(w.Name);
            }
        }

        return cycles;
    }

    private static void ValidateHostPorts(FleetSpec fleet, List<ValidationProblem> problems)
    {
        var claimed = new Dictionary<(int, PortProtocol), string>();
        foreach (var w in fleet.Workloads)
        {
            foreach (var p in w.Ports)
            {
                if (p.HostPort is not { } hostPort)
                {
                    continue;
                }

                if (claimed.TryGetValue((hostPort, p.Protocol), out var owner) && owner != w.Name)
                {
                    problems.Add(new($"workloads[\"{w.Name}\"].ports[\"{p.Name}\"].hostPort", SpecValidator.Text(hostPort), $"is already claimed by workload '{owner}'"));
                }
                else
                {
                    claimed[(hostPort, p.Protocol)] = w.Name;
                }
            }
        }
    }
}
