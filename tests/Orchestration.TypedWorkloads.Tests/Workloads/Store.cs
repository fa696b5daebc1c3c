namespace Orchestration.TypedWorkloads.Tests.Workloads;

/// <summary>The shop's data store. The offline test image serves HTTP on 8080, which stands in for a database.</summary>
[Workload("store", Image = TestImages.Busybox)]
[Port("http", 8080)]
[Secret("STORE_PASSWORD", "store-password")]
[Resources(Cpu = "100m", Memory = "64Mi")]
[HttpProbe(ProbeTarget.Readiness, "/", PeriodSeconds = 1)]
[RecreateUpdate]
[Label("tier", "data")]
public sealed partial class Store;
