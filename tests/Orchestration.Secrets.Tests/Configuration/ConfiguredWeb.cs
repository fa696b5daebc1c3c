namespace Orchestration.Secrets.Tests.Configuration;

[Workload("web", Image = "orchestration/busybox:1", Replicas = 1)]
[Port("http", 8080)]
[HttpProbe(ProbeTarget.Readiness, "/", PeriodSeconds = 1)]
public sealed partial class ConfiguredWeb;
