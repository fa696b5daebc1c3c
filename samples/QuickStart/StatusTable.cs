namespace Orchestration.QuickStart;

/// <summary>Prints a fleet's status as kubectl-like tables.</summary>
internal static class StatusTable
{
    public static bool AllReady(FleetStatus status)
        => status.Workloads.Length > 0 && status.Workloads.All(w => w.Ready == w.Desired && w.Replicas.Length == w.Desired);

    public static void Print(FleetStatus status)
    {
        Console.WriteLine();
        Console.Write(status.ToWorkloadTable());
        Console.WriteLine();
        Console.Write(status.ToReplicaTable());
    }
}
