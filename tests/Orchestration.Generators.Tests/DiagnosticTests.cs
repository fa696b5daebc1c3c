using Microsoft.CodeAnalysis;

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
    public void ORCH0006_http_probe_on_the_default_port_when_none_is_declared()
        => AssertDiagnostics("ORCH0006", "port 'http'", """
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

    private static string RepositoryRoot()
        => typeof(DiagnosticTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
}
