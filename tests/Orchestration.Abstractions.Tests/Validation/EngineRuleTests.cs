using System.Collections.Immutable;

namespace Orchestration.Tests.Validation;

/// <summary>The rules the engine and the kernel enforce, checked at apply with the field path and the value.</summary>
public class EngineRuleTests
{
    private static WorkloadSpec Web() => new() { Name = "web", Image = "orchestration/busybox:1" };

    private static IReadOnlyList<ValidationProblem> Problems(WorkloadSpec spec)
        => new FleetSpec { Name = "shop", Workloads = [spec] }.Validate();

    private static ValidationProblem Single(WorkloadSpec spec) => Assert.Single(Problems(spec));

    [Theory]
    [InlineData("redis")]
    [InlineData("redis:7")]
    [InlineData("localhost:5000/team/app:1.2")]
    [InlineData("Registry.Example.COM/team/app")]
    [InlineData("a.b__c---d/e_f:_Tag-1.x")]
    [InlineData("app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Image_references_in_the_engine_grammar_pass(string image)
        => Assert.Empty(Problems(Web() with { Image = image }));

    [Theory]
    [InlineData("Team/app", "lowercase")]
    [InlineData("app//x", "grammar")]
    [InlineData("app:-1", "grammar")]
    [InlineData("app@sha256:0123456789abcdef0123456789abcdef", "grammar")]
    [InlineData("app@md5:0123456789abcdef0123456789abcdef", "grammar")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "image id")]
    public void Image_references_outside_the_engine_grammar_are_refused(string image, string rule)
    {
        var problem = Single(Web() with { Image = image });
        Assert.Equal("workloads[\"web\"].image", problem.Path);
        Assert.Contains(rule, problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_name_over_255_characters_is_refused()
        => Assert.Contains("255", Single(Web() with { Image = "a/" + new string('b', 260) }).Rule, StringComparison.Ordinal);

    [Fact]
    public void Environment_strings_the_kernel_cannot_pass_are_refused_with_the_variable_in_the_path()
    {
        var nul = Single(Web() with { Environment = ImmutableSortedDictionary<string, string>.Empty.Add("A", "x\0y") });
        Assert.Equal("workloads[\"web\"].environment[\"A\"]", nul.Path);
        Assert.Contains("NUL", nul.Rule, StringComparison.Ordinal);
        Assert.Contains("'x\\0y'", nul.ToString(), StringComparison.Ordinal);

        // "B=" + value + NUL: 131,072 bytes is the limit, one more is refused.
        var fits = Web() with { Environment = ImmutableSortedDictionary<string, string>.Empty.Add("B", new string('v', 128 * 1024 - 3)) };
        Assert.Empty(Problems(fits));
        var tooLong = Single(Web() with { Environment = ImmutableSortedDictionary<string, string>.Empty.Add("B", new string('v', 128 * 1024 - 2)) });
        Assert.Contains("131073 bytes", tooLong.Rule, StringComparison.Ordinal);
        Assert.Contains("(131070 characters)", tooLong.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_must_name_a_program_and_pass_the_kernel()
    {
        Assert.Equal("workloads[\"web\"].command[0]", Single(Web() with { Command = [""] }).Path);
        Assert.Equal("workloads[\"web\"].args[1]", Single(Web() with { Args = ["-c", "a\0"] }).Path);
    }

    [Theory]
    [InlineData("a b", "whitespace")]
    [InlineData("a=b", "'='")]
    [InlineData("", "empty")]
    [InlineData("io.orchestration.x", "reserved")]
    public void Label_keys_the_engine_rejects_are_refused(string key, string rule)
    {
        var problem = Single(Web() with { Labels = ImmutableSortedDictionary<string, string>.Empty.Add(key, "v") });
        Assert.Equal("workloads[\"web\"].labels", problem.Path);
        Assert.Contains(rule, problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_over_the_runtime_limit_is_refused()
        => Assert.Equal("workloads[\"web\"].labels[\"k\"]", Single(Web() with { Labels = ImmutableSortedDictionary<string, string>.Empty.Add("k", new string('v', 4096)) }).Path);

    [Theory]
    [InlineData("/", "root")]
    [InlineData("data", "absolute")]
    [InlineData("/a\nb", "control")]
    public void Mount_targets_the_engine_rejects_are_refused(string target, string rule)
    {
        var problem = Single(Web() with { Mounts = [new MountSpec(MountKind.Tmpfs, null, target)] });
        Assert.EndsWith(".target", problem.Path, StringComparison.Ordinal);
        Assert.Contains(rule, problem.Rule, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem.ToString());
    }

    [Fact]
    public void Mount_targets_are_compared_as_the_engine_cleans_them()
        => Assert.Contains("more than once", Single(Web() with { Mounts = [new MountSpec(MountKind.Tmpfs, null, "/data"), new MountSpec(MountKind.Tmpfs, null, "/data/./")] }).Rule, StringComparison.Ordinal);

    [Theory]
    [InlineData("a")]
    [InlineData("-data")]
    [InlineData("my data")]
    [InlineData("a/b")]
    public void Volume_names_the_engine_rejects_are_refused(string name)
        => Assert.Equal("workloads[\"web\"].mounts[\"/data\"].source", Single(Web() with { Mounts = [new MountSpec(MountKind.Volume, name, "/data")] }).Path);

    [Theory]
    [InlineData("NET_ADMIN")]
    [InlineData("cap_net_admin")]
    [InlineData("ALL")]
    [InlineData("audit_read")]
    public void Capabilities_the_engine_knows_pass(string capability)
        => Assert.Empty(Problems(Web() with { Security = new SecuritySpec { AddCapabilities = [capability] } }));

    [Theory]
    [InlineData("NET_ADMN", "did you mean NET_ADMIN?")]
    [InlineData("CAP_BPF", "knows")]
    [InlineData("PERFMON", "knows")]
    public void Capabilities_the_engine_does_not_know_are_refused(string capability, string rule)
    {
        var problem = Single(Web() with { Security = new SecuritySpec { AddCapabilities = [capability] } });
        Assert.Equal("workloads[\"web\"].security.addCapabilities[0]", problem.Path);
        Assert.Contains(rule, problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1000:")]
    [InlineData("a b")]
    [InlineData("1:2:3")]
    [InlineData("99999999999")]
    public void Strings_that_are_no_user_are_refused(string user)
        => Assert.Equal("workloads[\"web\"].security.user", Single(Web() with { Security = new SecuritySpec { User = user } }).Path);

    [Theory]
    [InlineData("www-data")]
    [InlineData("1000:1000")]
    [InlineData("postgres:ssl-cert")]
    public void Users_and_groups_pass(string user)
        => Assert.Empty(Problems(Web() with { Security = new SecuritySpec { User = user } }));

    [Fact]
    public void One_workload_cannot_publish_two_ports_on_one_host_port()
    {
        var problem = Single(Web() with { Ports = [new PortSpec("a", 80, hostPort: 8080), new PortSpec("b", 81, hostPort: 8080)] });
        Assert.Equal("workloads[\"web\"].ports[\"b\"].hostPort", problem.Path);
        Assert.Empty(Problems(Web() with { Ports = [new PortSpec("a", 80, hostPort: 8080), new PortSpec("b", 80, PortProtocol.Udp, hostPort: 8080)] }));
    }

    [Fact]
    public void Restricted_needs_a_non_root_user_and_allows_only_net_bind_service()
    {
        var restricted = new SecuritySpec { Profile = SecurityProfile.Restricted };
        Assert.Equal("workloads[\"web\"].security.user", Single(Web() with { Security = restricted }).Path);
        Assert.Equal("workloads[\"web\"].security.user", Single(Web() with { Security = restricted with { User = "0:0" } }).Path);
        Assert.Empty(Problems(Web() with { Security = restricted with { User = "1000", AddCapabilities = ["NET_BIND_SERVICE"] } }));
        var problems = Problems(Web() with { Security = restricted with { User = "1000", AddCapabilities = ["CHOWN"], HostNetwork = true } });
        Assert.Equal(["workloads[\"web\"].security.addCapabilities[0]", "workloads[\"web\"].security.hostNetwork"], problems.Select(p => p.Path));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/proc", true)]
    [InlineData("/proc/1/root", true)]
    [InlineData("/proc/self/root/etc", true)]
    [InlineData("/proc/1/cwd", true)]
    [InlineData("/x/../proc/1/root", true)]
    [InlineData("/proc/cpuinfo", false)]
    [InlineData("/proc/1/status", false)]
    [InlineData("/etc", false)]
    public void Binds_that_reach_the_node_root_need_the_privileged_opt_in(string source, bool privileged)
    {
        var spec = Web() with { Mounts = [new MountSpec(MountKind.Bind, source, "/host")] };
        Assert.Empty(Problems(spec));
        var requests = PrivilegeRules.Requests(spec, "allowed").ToList();
        Assert.Equal(privileged, requests.Count == 1);
    }

    [Fact]
    public void The_capability_all_needs_the_privileged_opt_in()
    {
        var request = Assert.Single(PrivilegeRules.Requests(Web() with { Security = new SecuritySpec { AddCapabilities = ["all"] } }, "the option is set"));
        Assert.Equal("workloads[\"web\"].security.addCapabilities[0]", request.Path);
    }

    [Fact]
    public void Values_are_printed_escaped()
    {
        var problem = new ValidationProblem("workloads[\"w\"].image", "a\nb\u001b[31m'", "is bad");
        Assert.Equal("workloads[\"w\"].image: 'a\\nb\\u001b[31m\\'' is bad", problem.ToString());
    }
}
