using System.Collections.Immutable;
using Orchestration.Runtime;

namespace Orchestration.Tests.Status;

public sealed class StatusTableTests
{
    private static readonly FleetStatus Status = new("shop",
    [
        new WorkloadStatus
        {
            Name = "db", Kind = WorkloadKind.StatefulSet, Phase = WorkloadPhase.Available, Revision = "abc", Desired = 2, Ready = 2, Available = 2, Updated = 2,
            Replicas =
            [
                new ReplicaStatus { Id = "0", Ordinal = 0, Hostname = "db-0", Workload = "db", Revision = "abc", Phase = ReplicaPhase.Running, Node = "n1", Ready = true, Ports = ImmutableDictionary<string, HostEndpoint>.Empty.Add("pg", new HostEndpoint("127.0.0.1", 30001)) },
                new ReplicaStatus { Id = "1", Ordinal = 1, Hostname = "db-1", Workload = "db", Revision = "abc", Phase = ReplicaPhase.Running, Node = "n2", Ready = true, Restarts = 2 },
            ],
        },
        new WorkloadStatus
        {
            Name = "report", Kind = WorkloadKind.CronJob, Phase = WorkloadPhase.Paused, Revision = "def", Desired = 0, Ready = 0, Available = 0, Updated = 0,
            CronJob = new CronJobStatus { Suspended = true, Active = 0 },
        },
    ]);

    [Fact]
    public void Workloads_print_one_row_each_with_ready_over_desired_and_a_detail_per_kind()
    {
        var lines = Status.ToWorkloadTable().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("NAME", lines[0], StringComparison.Ordinal);
        Assert.Equal(["db", "StatefulSet", "2/2", "2", "2", "Available", "abc"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("next suspended", lines[2], StringComparison.Ordinal);
        Assert.Equal(lines[0].IndexOf("KIND", StringComparison.Ordinal), lines[2].IndexOf("CronJob", StringComparison.Ordinal));
    }

    [Fact]
    public void Replicas_print_stateful_replicas_by_their_own_names()
    {
        var lines = Status.ToReplicaTable().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.Equal(["db", "db-0", "n1", "Running", "true", "0", "pg=127.0.0.1:30001"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["db", "db-1", "n2", "Running", "true", "2"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
