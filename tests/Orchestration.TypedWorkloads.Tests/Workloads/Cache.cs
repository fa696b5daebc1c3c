namespace Orchestration.TypedWorkloads.Tests.Workloads;

/// <summary>A cache with two replicas, kept on different nodes when it can be.</summary>
[Workload("cache", Image = TestImages.Busybox, Replicas = 2)]
[Port("http", 8080)]
[TcpProbe(ProbeTarget.Readiness, "http")]
[Resources(Cpu = "50m", Memory = "32Mi", MemoryLimit = "64Mi")]
[AntiAffinity<Cache>(Required = false)]
[Label("tier", "cache")]
public sealed partial class Cache;
