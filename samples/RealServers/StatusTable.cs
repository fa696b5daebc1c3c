namespace Orchestration.RealServers;

/// <summary>Prints a fleet's status as a table.</summary>
internal static class StatusTable
{
    public static void Print(FleetStatus status)
    {
        Console.WriteLine();
        Console.WriteLine($"{"WORKLOAD",-8} {"REPLICA",-12} {"NODE",-8} {"PHASE",-10} {"READY",-6} {"RESTARTS",-8} ENDPOINT");
        foreach (var workload in status.Workloads)
        {
            foreach (var r in workload.Replicas)
            {
                var endpoint = string.Join(", ", r.Ports.Select(p => $"{p.Key}={p.Value}"));
                Console.WriteLine($"{workload.Name,-8} {r.Id,-12} {r.Node,-8} {r.Phase,-10} {r.Ready,-6} {r.Restarts,-8} {endpoint}");
            }
        }
    }
}
