using HarnessSample.Tests.Fixtures;
using HarnessSample.Tests.Workloads;
using k8s.Models;
using Orchestration.QuickStart;
using Orchestration.RealServers;

namespace Orchestration.Kubernetes.Tests;

/// <summary>The samples' own fleets, exported and read back with the Kubernetes client without loss.</summary>
public sealed class SampleFleetExportTests
{
    public static TheoryData<string> Samples => ["quickstart", "realservers", "harness-shared", "harness-web"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_fleet_reads_back_without_loss(string sample)
    {
        var fleet = Fleet(sample);

        var export = KubernetesManifests.From(fleet);
        var objects = RoundTrip.ReadBack(export);

        foreach (var workload in fleet.Workloads)
        {
            var deployment = RoundTrip.Single<V1Deployment>(objects, workload.Name);
            Assert.Equal(workload.Replicas, deployment.Spec.Replicas);
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            Assert.Equal(workload.Image, container.Image);
            Assert.Equal([.. workload.Ports.Select(p => p.ContainerPort)], container.Ports.Select(p => p.ContainerPort));
            var service = RoundTrip.Single<V1Service>(objects, workload.Name);
            Assert.Equal([.. workload.Ports.Select(p => p.Name)], service.Spec.Ports.Select(p => p.Name));
            Assert.Equal(workload.Replicas > 1, objects.OfType<V1PodDisruptionBudget>().Any(b => b.Metadata.Name == workload.Name));
        }

        Assert.Equal($"{fleet.Name}-isolation", Assert.Single(objects.OfType<V1NetworkPolicy>()).Metadata.Name);
    }

    [Fact]
    public void QuickStart_exports_its_limits_and_probes_and_reports_the_process_limit()
    {
        var export = KubernetesManifests.From(QuickStartFleet.Build());
        var objects = RoundTrip.ReadBack(export);

        var web = Assert.Single(RoundTrip.Single<V1Deployment>(objects, "web").Spec.Template.Spec.Containers);
        Assert.Equal("250m", web.Resources.Limits["cpu"].ToString());
        Assert.Equal("64Mi", web.Resources.Limits["memory"].ToString());
        Assert.Equal("/", web.ReadinessProbe.HttpGet.Path);
        Assert.Equal("http", web.ReadinessProbe.HttpGet.Port.Value);
        Assert.Equal("Never", web.ImagePullPolicy);
        var cache = Assert.Single(RoundTrip.Single<V1Deployment>(objects, "cache").Spec.Template.Spec.Containers);
        Assert.Equal(["httpd", "-f", "-p", "6379", "-h", "/www"], cache.Command);
        Assert.Equal("cache", cache.ReadinessProbe.TcpSocket.Port.Value);
        Assert.Contains(export.Warnings, w => w.Field == "workloads[\"web\"].resources.pidsLimit");
    }

    [Fact]
    public void RealServers_keeps_its_arguments_and_reports_user_names_and_the_start_order()
    {
        var export = KubernetesManifests.From(RealServersFleet.Build());
        var objects = RoundTrip.ReadBack(export);

        var cache = Assert.Single(RoundTrip.Single<V1Deployment>(objects, "cache").Spec.Template.Spec.Containers);
        Assert.Equal(["--bind", "0.0.0.0", "--protected-mode", "no", "--save", "", "--appendonly", "no", "--dir", "/tmp"], cache.Args);
        Assert.Equal(["sh", "-c", "test \"$(redis-cli ping)\" = PONG"], cache.ReadinessProbe.Exec.Command);
        var web = RoundTrip.Single<V1Deployment>(objects, "web");
        Assert.Equal(["nginx", "-e", "stderr", "-c", "/etc/nginx/orchestration.conf", "-g", "daemon off;"], web.Spec.Template.Spec.Containers[0].Command);
        Assert.Equal(5, web.Spec.Template.Spec.TerminationGracePeriodSeconds);

        Assert.Contains(export.Warnings, w => w.Field == "workloads[\"cache\"].security.user" && w.Message.Contains("'redis'", StringComparison.Ordinal));
        Assert.Contains(export.Warnings, w => w.Field == "workloads[\"web\"].security.user" && w.Message.Contains("'www-data'", StringComparison.Ordinal));
        Assert.Contains(export.Warnings, w => w.Field == "workloads[\"web\"].dependencies[\"cache\"]");
    }

    [Fact]
    public void The_harness_samples_typed_workload_exports_like_a_declared_one()
    {
        var export = KubernetesManifests.From(Fleet("harness-web"));
        var objects = RoundTrip.ReadBack(export);

        var web = RoundTrip.Single<V1Deployment>(objects, "web");
        Assert.Equal(WebApp.Spec.Replicas, web.Spec.Replicas);
        Assert.Equal("/", web.Spec.Template.Spec.Containers[0].ReadinessProbe.HttpGet.Path);
        Assert.Equal(1, RoundTrip.Single<V1PodDisruptionBudget>(objects, "web").Spec.MaxUnavailable.ToInt());
    }

    private static FleetSpec Fleet(string sample) => sample switch
    {
        "quickstart" => QuickStartFleet.Build(),
        "realservers" => RealServersFleet.Build(),
        "harness-shared" => new FleetBuilder("harness-shared").AddWorkload(SharedFleetFixture.Api).Build(),
        "harness-web" => new FleetBuilder("harness-web").AddWorkload<WebApp>().AddWorkload(WebFleetFixture.Cache).Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(sample), sample, "no such sample"),
    };
}
