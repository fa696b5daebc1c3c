using System.Collections.Immutable;

namespace Orchestration.Generators.Tests;

public sealed class GeneratedSpecTests
{
    private const string Shop = """
        using Orchestration;

        namespace Shop;

        [Workload("orders-db", Image = "postgres:17", Replicas = 1)]
        [Port("pg", 5432)]
        [Secret("POSTGRES_PASSWORD", "orders-db-password")]
        [TcpProbe(ProbeTarget.Readiness, "pg")]
        public partial class OrdersDb;

        [Workload("orders-api", Image = "registry.example:5000/shop/orders:1.4", Replicas = 3, PullPolicy = PullPolicy.Always,
            Command = new[] { "dotnet" }, Args = new[] { "Orders.dll", "--urls", "http://+:8080" })]
        [Port("http", 8080)]
        [Port("metrics", 9090, HostPort = 19090)]
        [Port("gossip", 7946, Protocol = PortProtocol.Udp)]
        [Env("ASPNETCORE_ENVIRONMENT", "Production")]
        [Env("ORDERS_DB_HOST", "db.override")]
        [Secret("API_KEY", "orders-api-key")]
        [Resources(Cpu = "250m", Memory = "256Mi", CpuLimit = "1.5", MemoryLimit = "1Gi", PidsLimit = 200)]
        [HttpProbe(ProbeTarget.Readiness, "/health/ready", PeriodSeconds = 5, FailureThreshold = 4)]
        [HttpProbe(ProbeTarget.Liveness, "/health/live", Port = "metrics", InitialDelaySeconds = 2.5, TimeoutSeconds = 3, SuccessThreshold = 1)]
        [ExecProbe(ProbeTarget.Startup, "sh", "-c", "test -f /ready")]
        [Restart(RestartMode.OnFailure, InitialDelaySeconds = 2, MaxDelaySeconds = 30, ResetAfterSeconds = 600)]
        [RollingUpdate(MaxSurge = "1", MaxUnavailable = "10%", MinReadySeconds = 5, ProgressDeadlineSeconds = 120,
            OnFailure = RolloutFailureAction.Pause, RevisionHistoryLimit = 3)]
        [NodeSelector("zone", "eu-1")]
        [Toleration("dedicated", Value = "shop", Effect = TaintEffect.NoSchedule)]
        [Placement(PlacementStrategy.BinPack, MaxSkew = 1)]
        [AntiAffinity("orders-api")]
        [AntiAffinity<OrdersDb>(Required = false)]
        [DependsOn<OrdersDb>]
        [Label("team", "shop")]
        [Label("tier", "backend")]
        public partial class OrdersApi;
        """;

    [Fact]
    public void Generated_code_compiles_without_errors_or_diagnostics()
    {
        var outcome = GeneratorHarness.Run(Shop);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileErrors);
        Assert.Equal(2, outcome.Result.GeneratedTrees.Length);
    }

    [Fact]
    public void Generated_spec_has_every_declared_value()
    {
        var outcome = GeneratorHarness.Run(Shop);
        var spec = GeneratorHarness.Spec(GeneratorHarness.Load(outcome.Output), "Shop.OrdersApi");

        Assert.Equal("orders-api", spec.Name);
        Assert.Equal("registry.example:5000/shop/orders:1.4", spec.Image);
        Assert.Equal(3, spec.Replicas);
        Assert.Equal(PullPolicy.Always, spec.PullPolicy);
        Assert.Equal<string>(["dotnet"], spec.Command);
        Assert.Equal<string>(["Orders.dll", "--urls", "http://+:8080"], spec.Args);
        Assert.Equal<PortSpec>(
            [new PortSpec("http", 8080), new PortSpec("metrics", 9090, hostPort: 19090), new PortSpec("gossip", 7946, PortProtocol.Udp)],
            spec.Ports);
        Assert.Equal<SecretReference>([new SecretReference("API_KEY", "orders-api-key")], spec.Secrets);
        Assert.Equal(
            new ResourceSpec { CpuRequestMillicores = 250, MemoryRequestBytes = 256L << 20, CpuLimitMillicores = 1500, MemoryLimitBytes = 1L << 30, PidsLimit = 200 },
            spec.Resources);

        var readiness = spec.Probes.Readiness!;
        Assert.Equal((ProbeKind.Http, "http", "/health/ready"), (readiness.Kind, readiness.Port, readiness.Path));
        Assert.Equal((TimeSpan.FromSeconds(5), 4), (readiness.Period, readiness.FailureThreshold));
        Assert.Equal(TimeSpan.FromSeconds(1), readiness.Timeout);
        var liveness = spec.Probes.Liveness!;
        Assert.Equal((ProbeKind.Http, "metrics", "/health/live"), (liveness.Kind, liveness.Port, liveness.Path));
        Assert.Equal((TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(3), 1), (liveness.InitialDelay, liveness.Timeout, liveness.SuccessThreshold));
        Assert.Equal(ProbeKind.Exec, spec.Probes.Startup!.Kind);
        Assert.Equal<string>(["sh", "-c", "test -f /ready"], spec.Probes.Startup.Command);

        Assert.Equal(
            new RestartPolicy { Mode = RestartMode.OnFailure, InitialDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(30), ResetAfter = TimeSpan.FromMinutes(10) },
            spec.Restart);
        Assert.Equal(
            new UpdateStrategy
            {
                MaxSurge = IntOrPercent.FromCount(1),
                MaxUnavailable = IntOrPercent.FromPercent(10),
                MinReadyTime = TimeSpan.FromSeconds(5),
                ProgressDeadline = TimeSpan.FromMinutes(2),
                FailureAction = RolloutFailureAction.Pause,
                RevisionHistoryLimit = 3,
            },
            spec.Update);

        Assert.Equal<KeyValuePair<string, string>>([new KeyValuePair<string, string>("zone", "eu-1")], spec.Placement.NodeSelector);
        Assert.Equal<Toleration>([new Toleration("dedicated", "shop", TaintEffect.NoSchedule)], spec.Placement.Tolerations);
        Assert.Equal((PlacementStrategy.BinPack, (int?)1), (spec.Placement.Strategy, spec.Placement.MaxSkew));
        Assert.Equal<string>(["orders-api"], spec.Placement.RequiredAntiAffinity);
        Assert.Equal<string>(["orders-db"], spec.Placement.PreferredAntiAffinity);

        Assert.Equal<DependencySpec>([new DependencySpec("orders-db")], spec.Dependencies);
        Assert.Equal(
            new Dictionary<string, string> { ["team"] = "shop", ["tier"] = "backend" },
            spec.Labels.ToDictionary());
    }

    [Fact]
    public void Dependency_endpoint_is_injected_unless_declared()
    {
        var outcome = GeneratorHarness.Run(Shop);
        var assembly = GeneratorHarness.Load(outcome.Output);
        var api = GeneratorHarness.Spec(assembly, "Shop.OrdersApi");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ORDERS_DB_HOST"] = "db.override",
                ["ORDERS_DB_PORT_PG"] = "5432",
            },
            api.Environment.ToDictionary());
        Assert.Same(StringComparer.Ordinal, api.Environment.KeyComparer);
    }

    [Fact]
    public void Constants_name_the_workload_its_ports_and_endpoint_variables()
    {
        var outcome = GeneratorHarness.Run(Shop);
        var assembly = GeneratorHarness.Load(outcome.Output);

        Assert.Equal("orders-db", Constant(assembly, "Shop.OrdersDb", "WorkloadName"));
        Assert.Equal("pg", Constant(assembly, "Shop.OrdersDb+Ports", "Pg"));
        Assert.Equal("metrics", Constant(assembly, "Shop.OrdersApi+Ports", "Metrics"));
        Assert.Equal("ORDERS_DB_HOST", Constant(assembly, "Shop.OrdersDb+EndpointVariables", "Host"));
        Assert.Equal("ORDERS_DB_PORT_PG", Constant(assembly, "Shop.OrdersDb+EndpointVariables", "PortPg"));
    }

    [Fact]
    public void Spec_is_built_once()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(Shop).Output);

        Assert.Same(GeneratorHarness.Spec(assembly, "Shop.OrdersDb"), GeneratorHarness.Spec(assembly, "Shop.OrdersDb"));
    }

    [Fact]
    public void Probes_may_name_ports_with_the_generated_constants()
    {
        var outcome = GeneratorHarness.Run("""
            using Orchestration;
            [TcpProbe(ProbeTarget.Readiness, Ports.AdminApi)]
            [HttpProbe(ProbeTarget.Liveness, "/live", Port = Db.Ports.AdminApi)]
            [Workload("db", Image = "postgres:17")]
            [Port("admin-api", 9000)]
            public partial class Db;
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);

        var spec = GeneratorHarness.Spec(GeneratorHarness.Load(outcome.Output), "Db");

        Assert.Equal(("admin-api", "admin-api"), (spec.Probes.Readiness!.Port, spec.Probes.Liveness!.Port));
    }

    [Fact]
    public void Defaults_apply_where_nothing_is_declared()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run("""
            [Orchestration.Workload("cache", Image = "redis:7")]
            public partial class Cache;
            """).Output);

        var spec = GeneratorHarness.Spec(assembly, "Cache");

        var built = new WorkloadBuilder("cache").Image("redis:7").Build();
        Assert.Equal(built.Revision, spec.Revision);
        Assert.Equal((built.Kind, built.Replicas, built.PullPolicy), (spec.Kind, spec.Replicas, spec.PullPolicy));
        Assert.Equal((built.Probes, built.Restart, built.Update, built.Resources), (spec.Probes, spec.Restart, spec.Update, spec.Resources));
        Assert.Empty(spec.Dependencies);
    }

    [Fact]
    public void Job_restarts_on_failure_as_with_the_builder()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run("""
            using Orchestration;
            [Workload("migrate", Image = "shop/migrate:1", Kind = WorkloadKind.Job)]
            public partial class Migrate;
            """).Output);

        var spec = GeneratorHarness.Spec(assembly, "Migrate");

        Assert.Equal((WorkloadKind.Job, RestartMode.OnFailure), (spec.Kind, spec.Restart.Mode));
    }

    [Fact]
    public void Configure_adds_dynamic_parts_with_the_fluent_builder()
    {
        var outcome = GeneratorHarness.Run("""
            using Orchestration;
            namespace Shop;
            public static partial class Outer
            {
                [Workload("worker")]
                [Port("http", 8080)]
                public partial class Worker
                {
                    static partial void Configure(WorkloadBuilder builder)
                        => builder.Image("shop/worker:2").Env("STARTED_BY", "configure").Readiness(Probe.Http("/ready", Ports.Http));
                }
            }
            """);
        Assert.Empty(outcome.GeneratorDiagnostics);

        var spec = GeneratorHarness.Spec(GeneratorHarness.Load(outcome.Output), "Shop.Outer+Worker");

        Assert.Equal("shop/worker:2", spec.Image);
        Assert.Equal("configure", spec.Environment["STARTED_BY"]);
        Assert.Equal("/ready", spec.Probes.Readiness!.Path);
    }

    [Fact]
    public void A_plain_static_Configure_method_is_called_too()
    {
        var outcome = GeneratorHarness.Run("""
            using Orchestration;
            [Workload("worker", Image = "shop/worker:2")]
            public partial class Worker
            {
                private static void Configure(WorkloadBuilder builder) => builder.Label("configured", "yes");
            }
            """);

        var spec = GeneratorHarness.Spec(GeneratorHarness.Load(outcome.Output), "Worker");

        Assert.Equal("yes", spec.Labels["configured"]);
    }

    [Fact]
    public void Dependency_from_a_referenced_assembly_is_read_from_its_metadata()
    {
        var library = GeneratorHarness.Run("""
            using Orchestration;
            namespace Infra;
            [Workload("redis", Image = "redis:7")]
            [Port("redis", 6379)]
            public partial class Redis;
            """).Output;
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        var reference = Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());
        var app = GeneratorHarness.Compilation("""
            using Orchestration;
            [Workload("api", Image = "shop/api:1")]
            [DependsOn<Infra.Redis>]
            public partial class Api;
            """).AddReferences(reference);

        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(app, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        var source = output.SyntaxTrees.Last().ToString();
        Assert.Contains("new(\"REDIS_HOST\", \"redis\")", source, StringComparison.Ordinal);
        Assert.Contains("new(\"REDIS_PORT_REDIS\", \"6379\")", source, StringComparison.Ordinal);
    }

    private static object? Constant(System.Reflection.Assembly assembly, string type, string field)
        => assembly.GetType(type, throwOnError: true)!.GetField(field)!.GetRawConstantValue();
}
