namespace Orchestration.TypedWorkloads.Tests.Workloads;

/// <summary>A stateful set: two replicas with ordinal names, started together, each with its own data volume.</summary>
[Workload("ledger", Image = TestImages.Busybox, Kind = WorkloadKind.StatefulSet, Replicas = 2)]
[Port("http", 8080)]
[StatefulSet(PodManagement = PodManagementPolicy.Parallel, WhenScaled = VolumeRetention.Delete)]
[VolumeTemplate("data", "/var/lib/ledger")]
[VolumeTemplate("archive", "/var/lib/archive", ReadOnly = true)]
public sealed partial class Ledger;
