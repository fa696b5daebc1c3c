using k8s;
using k8s.Models;

namespace Orchestration.Kubernetes.Tests;

/// <summary>The <c>kubernetes</c> command the samples answer.</summary>
public sealed class CommandLineTests
{
    private static readonly FleetSpec Fleet = new FleetBuilder("shop")
        .AddWorkload("api", w => w.Image("api:1").Replicas(2).Port("http", 8080).Secret("DB_PASSWORD", "db-password").DependsOn("db"))
        .AddWorkload("db", w => w.Image("db:1").Port("pg", 5432))
        .Build();

    [Fact]
    public void Without_the_verb_nothing_happens()
    {
        Assert.False(KubernetesCommandLine.TryRun([], Fleet, out var none));
        Assert.False(KubernetesCommandLine.TryRun(["--urls", "http://localhost"], Fleet, out var other));
        Assert.Equal(0, none);
        Assert.Equal(0, other);
    }

    [Fact]
    public void The_manifests_go_to_the_output_and_the_warnings_and_secrets_to_the_error_stream()
    {
        var (code, output, error) = Run();

        Assert.Equal(0, code);
        var objects = KubernetesYaml.LoadAllFromString(output);
        Assert.Equal(["Deployment", "Service", "PodDisruptionBudget", "Deployment", "Service", "NetworkPolicy"], objects.Cast<IKubernetesObject>().Select(o => o.Kind));
        Assert.Contains("warning: workloads[\"api\"].dependencies[\"db\"]:", error, StringComparison.Ordinal);
        Assert.Contains("kubectl create secret generic shop-secrets --from-literal=db-password=...", error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_choose_the_file_namespace_secret_and_objects()
    {
        var path = Path.Combine(Path.GetTempPath(), $"k8s-{Guid.NewGuid():N}.yaml");
        try
        {
            var (code, output, error) = Run("-o", path, "--namespace", "prod", "--secret", "shop-prod", "--no-isolation", "--no-disruption-budgets");

            Assert.Equal(0, code);
            Assert.Empty(output);
            Assert.Contains($"wrote 4 objects of the fleet 'shop' to {path}", error, StringComparison.Ordinal);
            var objects = KubernetesYaml.LoadAllFromString(File.ReadAllText(path)).Cast<IKubernetesObject<V1ObjectMeta>>().ToList();
            Assert.Equal(["Deployment", "Service", "Deployment", "Service"], objects.Select(o => o.Kind));
            Assert.All(objects, o => Assert.Equal("prod", o.Metadata.NamespaceProperty));
            var env = objects.OfType<V1Deployment>().First().Spec.Template.Spec.Containers[0].Env;
            Assert.Equal("shop-prod", Assert.Single(env).ValueFrom.SecretKeyRef.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Strict_fails_with_code_2_when_something_could_not_be_expressed()
    {
        Assert.Equal(KubernetesCommandLine.WarningsExitCode, Run("--strict").Code);

        var clean = new FleetBuilder("clean").AddWorkload("job", w => w.Image("job:1").Job()).Build();
        var output = new StringWriter();
        Assert.Equal(0, KubernetesCommandLine.Run(["--strict"], clean, output, new StringWriter()));
        Assert.Single(KubernetesYaml.LoadAllFromString(output.ToString()).OfType<V1Job>());
    }

    [Fact]
    public void Strict_accepts_the_fields_it_is_told_to_allow()
    {
        Assert.Equal(KubernetesCommandLine.WarningsExitCode, Run("--strict", "--allow", "update.failureAction").Code);
        Assert.Equal(0, Run("--strict", "--allow", "update.failureAction", "--allow", "dependencies").Code);
    }

    [Theory]
    [InlineData("--allow", "option '--allow' needs a value")]
    [InlineData("--bogus", "unknown option '--bogus'")]
    [InlineData("--namespace", "option '--namespace' needs a value")]
    public void A_bad_command_line_is_refused_with_the_option_named(string arg, string message)
    {
        var (code, output, error) = Run(arg);

        Assert.Equal(KubernetesCommandLine.UsageExitCode, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("usage: kubernetes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_prints_the_usage()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("--namespace NS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_fleet_fails_with_its_problems()
    {
        var fleet = new FleetSpec { Name = "shop", Workloads = [new WorkloadSpec { Name = "api", Image = "Not An Image" }] };
        var error = new StringWriter();

        Assert.Equal(1, KubernetesCommandLine.Run([], fleet, new StringWriter(), error));
        Assert.Contains("Not An Image", error.ToString(), StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = KubernetesCommandLine.Run(args, Fleet, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
