using Orchestration;

namespace HarnessSample.Tests.Workloads;

/// <summary>The application's front end, declared once as a typed workload: the test image serves "ok" on 8080.</summary>
[Workload("web", Image = "orchestration/busybox:1", Replicas = 2)]
[Port("http", 8080)]
[HttpProbe(ProbeTarget.Readiness, "/")]
public sealed partial class WebApp;
