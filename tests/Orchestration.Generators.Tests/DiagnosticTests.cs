using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Orchestration.Generators.Tests;

/// <summary>Each diagnostic fires with its id, on the offending attribute argument (marked <c>[|…|]</c>), with a
/// message that names the value.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void ORCH0001_type_not_partial()
        => AssertDiagnostics("ORCH0001", "'Cache'", """
            [Orchestration.Workload("cache", Image = "redis:7")]
            public class [|Cache|];
            """);

    [Fact]
    public void ORCH0001_containing_type_not_partial()
        => AssertDiagnostics("ORCH0001", "'Outer'", """
            public static class [|Outer|]
            {
                [Orchestration.Workload("cache", Image = "redis:7")]
                public partial class Cache;
            }
            """);

    [Fact]
    public void ORCH0002_invalid_workload_name()
        => AssertDiagnostics("ORCH0002", "'Orders_API'", """
            [Orchestration.Workload([|"Orders_API"|], Image = "redis:7")]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0003_replicas_below_zero()
        => AssertDiagnostics("ORCH0003", "is -1", """
            [Orchestration.Workload("orders", Image = "shop/orders:1", [|Replicas = -1|])]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0004_invalid_image()
        => AssertDiagnostics("ORCH0004", "'Shop/Orders:1'", """
            [Orchestration.Workload("orders", [|Image = "Shop/Orders:1"|])]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0005_duplicate_port_name()
        => AssertDiagnostics("ORCH0005", "Port name 'http'", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Port("http", 8080)]
            [Port([|"http"|], 8081)]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0005_duplicate_port_number_of_the_same_protocol()
        => AssertDiagnostics("ORCH0005", "Container port 8080/tcp", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Port("http", 8080)]
            [Port("web", [|8080|])]
            [Port("web-udp", 8080, Protocol = PortProtocol.Udp)]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0006_http_probe_on_unknown_port()
        => AssertDiagnostics("ORCH0006", "port 'admin'", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Port("http", 8080)]
            [HttpProbe(ProbeTarget.Readiness, "/health", [|Port = "admin"|])]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0022_http_probe_without_a_port_names_the_default_it_would_use()
        => AssertDiagnostics("ORCH0022", "names no port, so it would probe the port named 'http', which is not declared (declared: 'web')", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Port("web", 8080)]
            [[|HttpProbe(ProbeTarget.Liveness, "/health")|]]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0006_tcp_probe_on_unknown_port()
        => AssertDiagnostics("ORCH0006", "port 'pg'", """
            using Orchestration;
            [Workload("db", Image = "postgres:17")]
            [TcpProbe(ProbeTarget.Readiness, [|"pg"|])]
            public partial class Db;
            """);

    [Fact]
    public void ORCH0007_unparsable_cpu_and_memory()
        => AssertDiagnostics("ORCH0007", "'250x'", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Resources([|Cpu = "250x"|], Memory = "256Mi", [|MemoryLimit = "1Gb"|])]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0008_dependency_on_a_type_that_is_not_a_workload()
        => AssertDiagnostics("ORCH0008", "'Helper'", """
            using Orchestration;
            public class Helper;
            [Workload("orders", Image = "shop/orders:1")]
            [DependsOn<[|Helper|]>]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0008_anti_affinity_with_a_type_that_is_not_a_workload()
        => AssertDiagnostics("ORCH0008", "'Helper'", """
            using Orchestration;
            public class Helper;
            [Workload("orders", Image = "shop/orders:1")]
            [Orchestration.AntiAffinity<[|Helper|]>]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0009_dependency_cycle_is_reported_on_each_edge()
        => AssertDiagnostics("ORCH0009", "->", """
            using Orchestration;
            [Workload("a", Image = "shop/a:1")]
            [DependsOn<[|B|]>]
            public partial class A;
            [Workload("b", Image = "shop/b:1")]
            [DependsOn<[|C|]>]
            public partial class B;
            [Workload("c", Image = "shop/c:1")]
            [DependsOn<[|A|]>]
            public partial class C;
            [Workload("d", Image = "shop/d:1")]
            [DependsOn<A>]
            public partial class D;
            """);

    [Fact]
    public void ORCH0009_message_names_the_cycle()
    {
        var (diagnostics, _, _) = GeneratorHarness.RunMarked("""
            using Orchestration;
            [Workload("api", Image = "shop/api:1")]
            [DependsOn<Db>]
            public partial class Api;
            [Workload("db", Image = "postgres:17")]
            [DependsOn<Api>]
            public partial class Db;
            """);

        Assert.Equal(
            ["Typed workloads depend on each other in a cycle: api -> db -> api", "Typed workloads depend on each other in a cycle: db -> api -> db"],
            diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ORCH0009_self_dependency()
        => AssertDiagnostics("ORCH0009", "loop -> loop", """
            using Orchestration;
            [Workload("loop", Image = "shop/loop:1")]
            [DependsOn<[|Loop|]>]
            public partial class Loop;
            """);

    [Fact]
    public void ORCH0010_rolling_and_recreate_update()
        => AssertDiagnostics("ORCH0010", "[RecreateUpdate]", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [RollingUpdate(MaxSurge = "1")]
            [[|RecreateUpdate|]]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0010_two_probes_for_the_same_target()
        => AssertDiagnostics("ORCH0010", "readiness", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Port("http", 8080)]
            [HttpProbe(ProbeTarget.Readiness, "/health")]
            [[|TcpProbe(ProbeTarget.Readiness, "http")|]]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0010_variable_set_plainly_and_from_a_secret()
        => AssertDiagnostics("ORCH0010", "\"DB_PASSWORD\"", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Env("DB_PASSWORD", "hunter2")]
            [Secret([|"DB_PASSWORD"|], "orders-db-password")]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0010_label_set_twice()
        => AssertDiagnostics("ORCH0010", "\"team\"", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Label("team", "shop")]
            [Label([|"team"|], "billing")]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0011_invalid_port_name_and_number()
        => AssertDiagnostics("ORCH0011", "Port", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Port([|"HTTP"|], 8080)]
            [Port("admin", [|70000|])]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0012_invalid_environment_variable_name()
        => AssertDiagnostics("ORCH0012", "'1BAD'", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Env([|"1BAD"|], "x")]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0013_invalid_replica_budget()
        => AssertDiagnostics("ORCH0013", "'many'", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [RollingUpdate([|MaxSurge = "many"|])]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0014_missing_image()
        => AssertDiagnostics("ORCH0014", "'orders'", """
            [[|Orchestration.Workload("orders")|]]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0015_volume_template_name_not_a_dns_label_and_target_not_absolute()
        => AssertDiagnostics("ORCH0015", "Volume template name 'Data_1'", """
            using Orchestration;
            [Workload("db", Image = "postgres:17", Kind = WorkloadKind.StatefulSet)]
            [VolumeTemplate([|"Data_1"|], "/data")]
            [VolumeTemplate("logs", [|"var/log"|])]
            [VolumeTemplate("empty", [|""|])]
            public partial class Db;
            """);

    [Fact]
    public void ORCH0016_duplicate_volume_template_name_and_target()
        => AssertDiagnostics("ORCH0016", "Volume template name 'data'", """
            using Orchestration;
            [Workload("db", Image = "postgres:17", Kind = WorkloadKind.StatefulSet)]
            [VolumeTemplate("data", "/data")]
            [VolumeTemplate([|"data"|], "/other")]
            [VolumeTemplate("copy", [|"/data"|], ReadOnly = true)]
            public partial class Db;
            """);

    [Fact]
    public void ORCH0017_stateful_set_settings_on_a_service()
        => AssertDiagnostics("ORCH0017", "[StatefulSet] applies to a StatefulSet, but workload 'db' is a Service", """
            using Orchestration;
            [Workload("db", Image = "postgres:17", Replicas = 3)]
            [[|StatefulSet(PodManagement = PodManagementPolicy.Parallel)|]]
            [[|VolumeTemplate("data", "/data")|]]
            public partial class Db;
            """);

    [Fact]
    public void ORCH0017_cron_job_settings_on_a_stateful_set()
        => AssertDiagnostics("ORCH0017", "[CronJob] applies to a CronJob, but workload 'db' is a StatefulSet", """
            using Orchestration;
            [Workload("db", Image = "postgres:17", Kind = WorkloadKind.StatefulSet)]
            [StatefulSet(Partition = 1)]
            [[|CronJob("0 3 * * *")|]]
            public partial class Db;
            """);

    [Fact]
    public void ORCH0017_stateful_set_settings_on_a_cron_job()
        => AssertDiagnostics("ORCH0017", "is a CronJob", """
            using Orchestration;
            [Workload("backup", Image = "shop/backup:1", Kind = WorkloadKind.CronJob)]
            [CronJob("@daily")]
            [[|StatefulSet|]]
            public partial class Backup;
            """);

    [Theory]
    [InlineData("* * * *", "it has 4 fields")]
    [InlineData("0 0 0 * * * *", "it has 7 fields")]
    [InlineData("@often", "'@often' is not a macro")]
    [InlineData("", "it is empty")]
    [InlineData("61 * * * *", "the minute field has 61")]
    [InlineData("0 24 * * *", "the hour field has 24 in '24'")]
    [InlineData("0 0 0 * *", "the day-of-month field has 0")]
    [InlineData("0 0 1 13 *", "the month field has 13")]
    [InlineData("0 0 * * 8", "the day-of-week field has 8")]
    [InlineData("*/10 * * * * x", "'X' is not a value")]
    [InlineData("0 0 * JANUARY *", "'JANUARY' is not a value")]
    [InlineData("0 0 * * MON-FUN", "'FUN' is not a value")]
    [InlineData("*/x * * * *", "step after '/' is not a number")]
    [InlineData("0,,5 * * * *", "empty list element")]
    [InlineData("H * * * *", "'H' (jitter)")]
    [InlineData("0 0 LX * *", "the last day is written")]
    [InlineData("0 0 * * 5#x", "day#n")]
    public void ORCH0018_invalid_cron_schedule(string schedule, string message)
        => AssertDiagnostics("ORCH0018", message, $$"""
            using Orchestration;
            [Workload("backup", Image = "shop/backup:1", Kind = WorkloadKind.CronJob)]
            [CronJob([|"{{schedule}}"|])]
            public partial class Backup;
            """);

    [Fact]
    public void ORCH0019_negative_partition()
        => AssertDiagnostics("ORCH0019", "Partition of workload 'db' is -1; it must be 0 or more", """
            using Orchestration;
            [Workload("db", Image = "postgres:17", Kind = WorkloadKind.StatefulSet)]
            [StatefulSet([|Partition = -1|])]
            public partial class Db;
            """);

    [Fact]
    public void ORCH0019_negative_history_limits_and_non_positive_deadline()
        => AssertDiagnostics("ORCH0019", "StartingDeadlineSeconds of workload 'backup' is 0; it must be more than 0", """
            using Orchestration;
            [Workload("backup", Image = "shop/backup:1", Kind = WorkloadKind.CronJob)]
            [CronJob("0 3 * * *", [|StartingDeadlineSeconds = 0|], [|SuccessfulRunsHistoryLimit = -1|], [|FailedRunsHistoryLimit = -2|])]
            public partial class Backup;
            """);

    [Fact]
    public void ORCH0020_cron_job_without_a_schedule()
        => AssertDiagnostics("ORCH0020", "'backup'", """
            [[|Orchestration.Workload("backup", Image = "shop/backup:1", Kind = Orchestration.WorkloadKind.CronJob)|]]
            public partial class Backup;
            """);

    [Fact]
    public void ORCH0021_stateful_set_name_too_long_for_its_ordinals()
        => AssertDiagnostics("ORCH0021", "-10'", $$"""
            using Orchestration;
            [Workload([|"{{new string('d', 61)}}"|], Image = "postgres:17", Kind = WorkloadKind.StatefulSet, Replicas = 11)]
            public partial class Db;
            """);

    [Fact]
    public async Task ORCH0023_workload_attribute_on_a_class_without_Workload_is_reported_on_the_attribute()
    {
        const string source = """
            using Orchestration;
            [Port("http", 8080)]
            [Env("MODE", "fast")]
            public partial class Orders;
            """;

        var diagnostic = Assert.Single(await AnalyzeAsync(source));

        Assert.Equal("ORCH0023", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Port(\"http\", 8080)", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.StartsWith("[Port] on 'Orders' has no effect: 'Orders' has no [Workload] attribute", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ORCH0023_is_not_reported_on_typed_workloads_or_unrelated_classes()
    {
        const string source = """
            using System;
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Port("http", 8080)]
            public partial class Orders;
            [Obsolete("unrelated")]
            public class Helper;
            """;

        Assert.Empty(await AnalyzeAsync(source));
    }

    [Fact]
    public void ORCH0019_autoscale_instrument_with_a_target_that_is_not_positive()
        => AssertDiagnostics("ORCH0019", "PerReplica of workload 'orders' is -5; it must be a positive number", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Port("http", 8080)]
            [Autoscale(1, 5)]
            [AutoscaleInstrument("Shop.Orders", "orders.pending", [|-5|])]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0019_autoscale_instrument_without_a_meter_or_instrument_name()
        => AssertDiagnostics("ORCH0019", "Meter of workload 'orders' is \"\"; it must be the name of a meter", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Port("http", 8080)]
            [Autoscale(1, 5)]
            [AutoscaleInstrument([|""|], [|" "|], 10)]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0010_the_same_instrument_twice()
        => AssertDiagnostics("ORCH0010", "instrument 'orders.pending' of meter 'Shop.Orders' is a metric once", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [Autoscale(1, 5)]
            [AutoscaleInstrument("Shop.Orders", "orders.pending", 10)]
            [[|AutoscaleInstrument("Shop.Orders", "orders.pending", 20)|]]
            public partial class Orders;
            """);

    [Fact]
    public void ORCH0024_autoscale_instrument_without_autoscale()
        => AssertDiagnostics("ORCH0024", "[AutoscaleInstrument] on workload 'orders' has no effect without [Autoscale(min, max)]", """
            using Orchestration;
            [Workload("orders", Image = "shop/orders:1")]
            [[|AutoscaleInstrument("Shop.Orders", "orders.pending", 10)|]]
            public partial class Orders;
            """);

    [Fact]
    public void Every_descriptor_has_a_test_a_help_link_and_a_release_entry()
    {
        var tested = typeof(DiagnosticTests).GetMethods().Select(m => m.Name.Split('_')[0]).ToHashSet(StringComparer.Ordinal);
        var unshipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Orchestration.Generators", "AnalyzerReleases.Unshipped.md"));
        var documentation = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));

        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Contains(descriptor.Id, tested);
            Assert.EndsWith("diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.Contains($"{descriptor.Id} | {DiagnosticDescriptors.Category} | Error |", unshipped, StringComparison.Ordinal);
            Assert.Contains($"## {descriptor.Id}", documentation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Valid_declarations_produce_no_diagnostic()
    {
        var outcome = GeneratorHarness.Run("""
            using Orchestration;
            [Workload("db", Image = "postgres:17")]
            [Port("pg", 5432)]
            [Port("pg-udp", 5432, Protocol = PortProtocol.Udp)]
            [TcpProbe(ProbeTarget.Readiness, "pg")]
            [Resources(Cpu = "0.5", Memory = "1G", CpuLimit = "2", MemoryLimit = "1073741824")]
            public partial class Db;
            [Workload("api", Image = "ghcr.io/shop/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Replicas = 0)]
            [Port("http", 8080)]
            [HttpProbe(ProbeTarget.Readiness, "/health")]
            [HttpProbe(ProbeTarget.Liveness, "/live")]
            [ExecProbe(ProbeTarget.Startup, "true")]
            [RecreateUpdate]
            [DependsOn<Db>]
            [AntiAffinity<Api>]
            public partial class Api;
            [Workload("web", Image = "nginx")]
            [DependsOn<Api>]
            [DependsOn<Db>]
            [RollingUpdate(MaxSurge = "25%", MaxUnavailable = "0")]
            public partial class Web;
            [Workload("store", Image = "postgres:17", Kind = WorkloadKind.StatefulSet, Replicas = 3)]
            [StatefulSet(PodManagement = PodManagementPolicy.Parallel, Partition = 0, WhenScaled = VolumeRetention.Delete)]
            [VolumeTemplate("data", "/var/lib/data")]
            [VolumeTemplate("wal", "/var/lib/wal", ReadOnly = true)]
            public partial class Store;
            [Workload("ooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooo", Image = "postgres:17", Kind = WorkloadKind.StatefulSet, Replicas = 10)]
            public partial class Ordinals;
            [Workload("backup", Image = "shop/backup:1", Kind = WorkloadKind.CronJob)]
            [CronJob("*/10 * * * * *", TimeZone = "Europe/Paris", ConcurrencyPolicy = ConcurrencyPolicy.Forbid, StartingDeadlineSeconds = 30,
                SuccessfulRunsHistoryLimit = 0, FailedRunsHistoryLimit = 0, Suspend = true)]
            public partial class Backup;
            [Workload("report", Image = "shop/report:1", Kind = WorkloadKind.CronJob)]
            public partial class Report
            {
                static partial void Configure(WorkloadBuilder builder) => builder.CronJob("@weekly");
            }
            """);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileErrors);
    }

    [Fact]
    public void A_bad_workload_does_not_stop_generation_of_the_others()
    {
        var outcome = GeneratorHarness.Run("""
            using Orchestration;
            [Workload("Bad_Name", Image = "shop/bad:1", Replicas = -2)]
            public partial class Bad;
            [Workload("good", Image = "shop/good:1")]
            public partial class Good;
            public class NotPartial;
            [Workload("unpartial", Image = "shop/x:1")]
            public class Unpartial;
            """);

        Assert.Equal(["ORCH0001", "ORCH0002", "ORCH0003"], outcome.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Contains("WorkloadName = \"good\"", outcome.GeneratedSource("Good."), StringComparison.Ordinal);
        Assert.Contains("WorkloadName = \"Bad_Name\"", outcome.GeneratedSource("Bad."), StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Result.GeneratedTrees, t => t.FilePath.Contains("Unpartial", StringComparison.Ordinal));
    }

    /// <summary>Asserts that the generator reports exactly the marked spans, all with <paramref name="id"/>, each with a
    /// message containing <paramref name="messageFragment"/>, and nothing else.</summary>
    private static void AssertDiagnostics(string id, string messageFragment, string markedSource)
    {
        var (diagnostics, expected, source) = GeneratorHarness.RunMarked(markedSource);

        Assert.All(diagnostics, d => Assert.Equal(id, d.Id));
        Assert.Equal(
            expected.Select(s => source.Substring(s.Start, s.Length)).Order(StringComparer.Ordinal),
            diagnostics.Select(d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.All(diagnostics, d => Assert.Equal("Source0.cs", d.Location.GetLineSpan().Path));
        Assert.Contains(diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(messageFragment, StringComparison.Ordinal));
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
        => GeneratorHarness.Compilation(source)
            .WithAnalyzers([new Orchestration.Generators.Analyzers.WorkloadAttributeAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();

    private static string RepositoryRoot()
        => typeof(DiagnosticTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
}
