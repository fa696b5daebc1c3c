namespace Orchestration.Tests.Validation;

public class FleetValidationTests
{
    [Fact]
    public void A_fleet_with_five_distinct_problems_reports_all_five_in_one_exception()
    {
        var builder = new FleetBuilder("shop")
            .AddWorkload("api", w => w.Image("shop/api:1").Replicas(-1).Port("http", 8080, hostPort: 8080).DependsOn("ghost"))
            .AddWorkload("web", w => w.Image("Bad Image!").Port("http", 80, hostPort: 8080).Readiness(Probe.Http("/", "admin")));

        var error = Assert.Throws<SpecValidationException>(() => builder.Build());

        Assert.Equal(
            [
                ("workloads[\"api\"].replicas", "-1"),
                ("workloads[\"web\"].image", "Bad Image!"),
                ("workloads[\"web\"].probes.readiness.port", "admin"),
                ("workloads[\"api\"].dependencies[\"ghost\"]", "ghost"),
                ("workloads[\"web\"].ports[\"http\"].hostPort", "8080"),
            ],
            error.Problems.Select(p => (p.Path, p.Value)));
        foreach (var problem in error.Problems)
        {
            Assert.Contains(problem.ToString(), error.Message);
        }
    }

    [Fact]
    public void Duplicate_workload_names_are_reported()
    {
        var problems = Fleet(W("api"), W("api")).Validate();
        Assert.Contains(problems, p => p.Path == "workloads[\"api\"]" && p.Rule.Contains("more than once"));
    }

    [Fact]
    public void Dependency_cycles_are_reported_with_the_cycle()
    {
        var problems = Fleet(W("a") with { Dependencies = [new("b")] }, W("b") with { Dependencies = [new("c")] }, W("c") with { Dependencies = [new("a")] }).Validate();
        var cycle = Assert.Single(problems);
        Assert.Equal("a -> b -> c -> a", cycle.Value);
    }

    [Fact]
    public void A_misspelt_dependency_names_the_closest_workload()
    {
        var problems = Fleet(W("api") with { Dependencies = [new("cahce")] }, W("cache"), W("db")).Validate();

        var problem = Assert.Single(problems);
        Assert.Equal("workloads[\"api\"].dependencies[\"cahce\"]", problem.Path);
        Assert.Equal("is not a workload of this fleet; did you mean 'cache'?", problem.Rule);
    }

    [Fact]
    public void A_dependency_close_to_no_workload_gets_no_suggestion()
    {
        var problem = Assert.Single(Fleet(W("api") with { Dependencies = [new("ghost")] }, W("cache")).Validate());

        Assert.Equal("is not a workload of this fleet", problem.Rule);
    }

    [Fact]
    public void Completed_dependencies_need_a_job()
    {
        var problems = Fleet(W("api") with { Dependencies = [new("db", DependencyCondition.Completed)] }, W("db")).Validate();
        Assert.Equal("workloads[\"api\"].dependencies[\"db\"].condition", Assert.Single(problems).Path);
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("-dash")]
    [InlineData("under_score")]
    [InlineData("")]
    public void Workload_names_follow_dns_label_rules(string name)
    {
        var problems = Fleet(W(name)).Validate();
        Assert.Contains(problems, p => p.Path.EndsWith(".name", StringComparison.Ordinal) && p.Value == name);
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("redis:7")]
    [InlineData("library/redis:7.2-alpine")]
    [InlineData("localhost:5000/team/app:1.0")]
    [InlineData("orchestration/busybox:1")]
    [InlineData("app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Valid_image_references_pass(string image)
        => Assert.Empty(Fleet(W("w") with { Image = image }).Validate());

    [Theory]
    [InlineData("")]
    [InlineData("Redis")]
    [InlineData("redis:")]
    [InlineData("re dis")]
    [InlineData("redis:7:8")]
    public void Invalid_image_references_are_reported(string image)
        => Assert.Contains(Fleet(W("w") with { Image = image }).Validate(), p => p.Path == "workloads[\"w\"].image" && p.Value == image);

    [Fact]
    public void Port_rules_are_checked()
    {
        var spec = W("w") with { Ports = [new("http", 80), new("http", 81), new("other", 80), new("x", 70000), new("Bad_Name", 1)] };
        var paths = Fleet(spec).Validate().Select(p => p.Path).ToList();
        Assert.Contains("workloads[\"w\"].ports[\"http\"].name", paths);
        Assert.Contains("workloads[\"w\"].ports[\"other\"].containerPort", paths);
        Assert.Contains("workloads[\"w\"].ports[\"x\"].containerPort", paths);
        Assert.Contains("workloads[\"w\"].ports[\"Bad_Name\"].name", paths);
    }

    [Fact]
    public void Rollouts_that_could_never_progress_are_reported()
    {
        var spec = W("w") with { Update = new UpdateStrategy { MaxSurge = 0, MaxUnavailable = 0 } };
        Assert.Contains(Fleet(spec).Validate(), p => p.Path == "workloads[\"w\"].update");
    }

    [Fact]
    public void Services_only_restart_always()
    {
        var spec = W("w") with { Restart = new RestartPolicy { Mode = RestartMode.Never } };
        Assert.Contains(Fleet(spec).Validate(), p => p.Path == "workloads[\"w\"].restart.mode" && p.Value == "Never");
    }

    [Fact]
    public void Reserved_label_keys_are_refused()
    {
        var spec = new WorkloadBuilder("w").Image("busybox").Label("io.orchestration.fleet", "other").Configure(s => s);
        var error = Assert.Throws<SpecValidationException>(() => spec.Build());
        Assert.Equal("io.orchestration.fleet", Assert.Single(error.Problems).Value);
    }

    [Fact]
    public void A_secret_and_a_plain_variable_of_the_same_name_are_refused()
    {
        var error = Assert.Throws<SpecValidationException>(() =>
            new WorkloadBuilder("w").Image("busybox").Env("TOKEN", "x").Secret("TOKEN", "api-token").Build());
        Assert.Equal("workloads[\"w\"].secrets[\"TOKEN\"]", Assert.Single(error.Problems).Path);
    }

    private static WorkloadSpec W(string name) => new() { Name = name, Image = "busybox" };

    private static FleetSpec Fleet(params WorkloadSpec[] workloads) => new() { Name = "f", Workloads = [.. workloads] };
}
