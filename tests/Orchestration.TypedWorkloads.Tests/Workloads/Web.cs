namespace Orchestration.TypedWorkloads.Tests.Workloads;

/// <summary>The front end: depends on the store, whose address it finds in its environment.</summary>
[Workload("web", Image = TestImages.Busybox, Replicas = 3)]
[Port("http", 8080)]
[Env("GREETING", "hello")]
[HttpProbe(ProbeTarget.Readiness, "/", Port = Ports.Http)]
[HttpProbe(ProbeTarget.Liveness, "/", Port = Ports.Http, PeriodSeconds = 5)]
[RollingUpdate(MaxSurge = "1", MaxUnavailable = "0")]
[DependsOn<Store>]
[Label("tier", "web")]
public sealed partial class Web
{
    static partial void Configure(WorkloadBuilder builder) => builder.Env("STARTED_AT_BUILD", "configure");
}
