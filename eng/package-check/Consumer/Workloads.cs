using Orchestration;

[Workload("db", Image = "postgres:17")]
[Port("pg", 5432)]
[TcpProbe(ProbeTarget.Readiness, Ports.Pg)]
public partial class Db;

[Workload("api", Image = "shop/api:1", Replicas = 2)]
[Port("http", 8080)]
[HttpProbe(ProbeTarget.Readiness, "/health")]
[DependsOn<Db>]
public partial class Api;

[Workload("web", Image = "orchestration/busybox:1")]
[Port("http", 8080)]
[HttpProbe(ProbeTarget.Readiness, "/")]
public partial class Web;
