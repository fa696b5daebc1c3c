namespace Orchestration.Runtime.Swarm.Mapping;

/// <summary>Refuses, at apply, what neither Swarm nor the SDK around it can do, naming the field and the value.</summary>
internal static class SwarmSupport
{
    public static IReadOnlyList<ValidationProblem> Check(FleetSpec fleet, SwarmRuntimeOptions options)
    {
        var problems = new List<ValidationProblem>();
        foreach (var spec in fleet.Workloads)
        {
            Check(fleet, spec, problems);
        }

        foreach (var file in options.ConfigFiles)
        {
            if (fleet.Find(file.Workload) is null)
            {
                problems.Add(new("SwarmRuntimeOptions.ConfigFiles", file.Workload, "names no workload of the fleet"));
            }
        }

        return problems;
    }

    private static void Check(FleetSpec fleet, WorkloadSpec spec, List<ValidationProblem> problems)
    {
        var at = $"workloads[\"{spec.Name}\"]";
        void Refuse(string field, string? value, string rule) => problems.Add(new($"{at}.{field}", value, rule));

        if (SwarmNames.Service(fleet.Name, spec.Name).Length > 63)
        {
            Refuse("name", spec.Name, $"with the fleet's name makes the service name '{SwarmNames.Service(fleet.Name, spec.Name)}', longer than Swarm's 63 characters");
        }

        if (spec.Security.Privileged)
        {
            Refuse("security.privileged", "true", "cannot run on Docker Swarm: services have no privileged mode");
        }

        if (spec.Security.HostNetwork)
        {
            Refuse("security.hostNetwork", "true", "cannot run on Docker Swarm through the SDK: a fleet's services share its overlay network");
        }

        if (spec.Security.HostPid)
        {
            Refuse("security.hostPid", "true", "cannot run on Docker Swarm: services have no host process namespace");
        }

        for (var i = 0; i < spec.Ports.Length; i++)
        {
            if (spec.Ports[i].HostIp is { } ip)
            {
                Refuse($"ports[{i}].hostIp", ip, "cannot run on Docker Swarm: published ports bind to every address of the node");
            }
        }

        foreach (var other in spec.Placement.RequiredAntiAffinity)
        {
            if (!string.Equals(other, spec.Name, StringComparison.Ordinal))
            {
                Refuse("placement.requiredAntiAffinity", other, "cannot run on Docker Swarm: only anti-affinity with the workload itself (at most one replica per node) can be expressed");
            }
        }

        foreach (var other in spec.Placement.PreferredAntiAffinity)
        {
            if (!string.Equals(other, spec.Name, StringComparison.Ordinal))
            {
                Refuse("placement.preferredAntiAffinity", other, "cannot run on Docker Swarm: Swarm spreads a service's own tasks but knows nothing of other services' tasks");
            }
        }

        if (spec.Placement.Strategy == PlacementStrategy.BinPack)
        {
            Refuse("placement.strategy", "BinPack", "cannot run on Docker Swarm: its scheduler always spreads tasks over nodes");
        }

        if (spec.Placement.MaxSkew is { } skew)
        {
            Refuse("placement.maxSkew", skew.ToString(System.Globalization.CultureInfo.InvariantCulture), "cannot run on Docker Swarm: it spreads tasks evenly but has no hard skew limit");
        }

        if (spec.DrainDelay > TimeSpan.Zero)
        {
            Refuse("drainDelay", spec.DrainDelay.ToString(), "cannot run on Docker Swarm: a task leaves DNS when it is stopped, there is no delay between the two");
        }

        if (spec.Kind == WorkloadKind.DaemonSet && spec.Update.Kind == UpdateKind.RollingUpdate && spec.Update.MaxSurge.Value > 0 && spec.Ports.Any(p => p.HostPort is not null))
        {
            Refuse("update.maxSurge", spec.Update.MaxSurge.ToString(), "cannot start a new task before the old one stops on a node when the daemon set publishes a fixed host port; use 0");
        }
    }
}
