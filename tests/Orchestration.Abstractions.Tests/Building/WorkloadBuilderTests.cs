using System.Reflection;

namespace Orchestration.Tests.Building;

public class WorkloadBuilderTests
{
    // Every fluent method of WorkloadBuilder, each exercised by Every_builder_method_lands_in_the_spec.
    private static readonly string[] Covered =
    [
        "Image", "PullPolicy", "Replicas", "Autoscale", "Command", "Args", "Env", "Secret", "Port", "Requests", "Limits", "Configure",
        "Job", "DaemonSet", "Startup", "Readiness", "Liveness", "RestartPolicy", "RollingUpdate", "RecreateUpdate",
        "DependsOn", "StopGracePeriod", "DrainDelay", "NodeSelector", "Tolerate", "AntiAffinity", "Placement", "Volume",
        "Bind", "Tmpfs", "Label", "AddCapability", "Privileged", "HostNetwork", "ReadOnlyRootFilesystem", "User",
        "SecurityProfile", "StatefulSet", "VolumeTemplate", "VolumeRetention", "Partition", "CronJob", "CronPolicy", "Suspend",
        "SecretFile", "ConfigFile", "ConfigFileFromHost", "ConfigFileFromConfiguration",
    ];

    [Fact]
    public void Every_builder_method_lands_in_the_spec()
    {
        var readiness = Probe.Http("/ready", "http");
        var liveness = Probe.Tcp("http") with { Period = TimeSpan.FromSeconds(5) };
        var startup = Probe.Exec("cat", "/tmp/started");

        var spec = new WorkloadBuilder("api")
            .Image("registry.local:5000/team/api:1.2")
            .PullPolicy(PullPolicy.Never)
            .Replicas(3)
            .Autoscale(2, 6, a => a.Cpu(70))
            .Command("/app/api")
            .Args("--verbose", "--port=8080")
            .Env("MODE", "prod")
            .Secret("DB_PASSWORD", "db-password")
            .SecretFile("api-key")
            .SecretFile("tls-key", "/run/tls/key.pem")
            .ConfigFile("/etc/api/app.json", "{}")
            .ConfigFileFromHost("/etc/api/host.json", "/srv/api/host.json")
            .ConfigFileFromConfiguration("/etc/api/section.json", "Api")
            .Port("http", 8080)
            .Port("metrics", 9090, PortProtocol.Tcp, hostPort: 19090, hostIp: "0.0.0.0")
            .Requests(cpu: "250m", memory: "256Mi")
            .Limits(cpu: "1.5", memory: "1Gi", pids: 200)
            .Startup(startup)
            .Readiness(readiness)
            .Liveness(liveness)
            .RestartPolicy(RestartMode.Always, initialDelay: TimeSpan.FromSeconds(2), maxDelay: TimeSpan.FromSeconds(30), resetAfter: TimeSpan.FromMinutes(1))
            .RollingUpdate(maxSurge: 2, maxUnavailable: IntOrPercent.FromPercent(10), minReadyTime: TimeSpan.FromSeconds(3),
                progressDeadline: TimeSpan.FromMinutes(2), onFailure: RolloutFailureAction.Pause, revisionHistoryLimit: 4)
            .DependsOn("db")
            .StopGracePeriod(TimeSpan.FromSeconds(20))
            .DrainDelay(TimeSpan.FromSeconds(2))
            .NodeSelector("zone", "a")
            .Tolerate("dedicated", "api", TaintEffect.NoSchedule)
            .AntiAffinity("api")
            .AntiAffinity("batch", required: false)
            .Placement(PlacementStrategy.BinPack, maxSkew: 2)
            .Volume("data", "/data")
            .Bind("/etc/app", "/config", readOnly: true)
            .Tmpfs("/tmp")
            .Label("team", "payments")
            .AddCapability("NET_BIND_SERVICE")
            .ReadOnlyRootFilesystem()
            .User("1000:1000")
            .Configure(s => s with { Labels = s.Labels.SetItem("tier", "backend") })
            .Build();

        Assert.Equal("api", spec.Name);
        Assert.Equal(WorkloadKind.Service, spec.Kind);
        Assert.Equal("registry.local:5000/team/api:1.2", spec.Image);
        Assert.Equal(PullPolicy.Never, spec.PullPolicy);
        Assert.Equal(3, spec.Replicas);
        Assert.Equal((2, 6), (spec.Autoscaling!.MinReplicas, spec.Autoscaling.MaxReplicas));
        Assert.Equal(MetricSource.Cpu, Assert.Single(spec.Autoscaling.Metrics).Source);
        Assert.Equal(["/app/api"], spec.Command.AsEnumerable());
        Assert.Equal(["--verbose", "--port=8080"], spec.Args.AsEnumerable());
        Assert.Equal("prod", spec.Environment["MODE"]);
        Assert.Equal([new SecretReference("DB_PASSWORD", "db-password")], spec.Secrets.AsEnumerable());
        Assert.Equal(
            [
                new FileSpec("/run/secrets/api-key", FileSourceKind.Secret, "api-key"),
                new FileSpec("/run/tls/key.pem", FileSourceKind.Secret, "tls-key"),
                new FileSpec("/etc/api/app.json", FileSourceKind.Text, "{}"),
                new FileSpec("/etc/api/host.json", FileSourceKind.HostFile, "/srv/api/host.json"),
                new FileSpec("/etc/api/section.json", FileSourceKind.ConfigurationSection, "Api"),
            ],
            spec.Files.AsEnumerable());
        Assert.Equal([new PortSpec("http", 8080), new PortSpec("metrics", 9090, PortProtocol.Tcp, 19090, "0.0.0.0")], spec.Ports.AsEnumerable());
        Assert.Equal(250, spec.Resources.CpuRequestMillicores);
        Assert.Equal(256L << 20, spec.Resources.MemoryRequestBytes);
        Assert.Equal(1500, spec.Resources.CpuLimitMillicores);
        Assert.Equal(1L << 30, spec.Resources.MemoryLimitBytes);
        Assert.Equal(200, spec.Resources.PidsLimit);
        Assert.Same(startup, spec.Probes.Startup);
        Assert.Same(readiness, spec.Probes.Readiness);
        Assert.Same(liveness, spec.Probes.Liveness);
        Assert.Equal(new RestartPolicy { InitialDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(30), ResetAfter = TimeSpan.FromMinutes(1) }, spec.Restart);
        Assert.Equal(
            new UpdateStrategy
            {
                MaxSurge = 2, MaxUnavailable = IntOrPercent.FromPercent(10), MinReadyTime = TimeSpan.FromSeconds(3),
                ProgressDeadline = TimeSpan.FromMinutes(2), FailureAction = RolloutFailureAction.Pause, RevisionHistoryLimit = 4,
            },
            spec.Update);
        Assert.Equal([new DependencySpec("db")], spec.Dependencies.AsEnumerable());
        Assert.Equal(TimeSpan.FromSeconds(20), spec.StopGracePeriod);
        Assert.Equal(TimeSpan.FromSeconds(2), spec.DrainDelay);
        Assert.Equal("a", spec.Placement.NodeSelector["zone"]);
        Assert.Equal([new Toleration("dedicated", "api", TaintEffect.NoSchedule)], spec.Placement.Tolerations.AsEnumerable());
        Assert.Equal(["api"], spec.Placement.RequiredAntiAffinity.AsEnumerable());
        Assert.Equal(["batch"], spec.Placement.PreferredAntiAffinity.AsEnumerable());
        Assert.Equal(PlacementStrategy.BinPack, spec.Placement.Strategy);
        Assert.Equal(2, spec.Placement.MaxSkew);
        Assert.Equal(
            [new MountSpec(MountKind.Volume, "data", "/data"), new MountSpec(MountKind.Bind, "/etc/app", "/config", true), new MountSpec(MountKind.Tmpfs, null, "/tmp")],
            spec.Mounts.AsEnumerable());
        Assert.Equal("payments", spec.Labels["team"]);
        Assert.Equal("backend", spec.Labels["tier"]);
        Assert.Equal(["NET_BIND_SERVICE"], spec.Security.AddCapabilities.AsEnumerable());
        Assert.True(spec.Security.ReadOnlyRootFilesystem);
        Assert.Equal("1000:1000", spec.Security.User);
        Assert.False(spec.Security.Privileged);
    }

    [Fact]
    public void Kind_and_privilege_methods_land_in_the_spec()
    {
        var job = new WorkloadBuilder("migrate").Image("busybox").Job(completions: 3, parallelism: 2, backoffLimit: 1).Build();
        Assert.Equal(WorkloadKind.Job, job.Kind);
        Assert.Equal(new JobSpec { Completions = 3, Parallelism = 2, BackoffLimit = 1 }, job.Job);
        Assert.Equal(RestartMode.OnFailure, job.Restart.Mode);

        var daemon = new WorkloadBuilder("agent").Image("busybox").DaemonSet().Privileged().HostNetwork().RecreateUpdate().Build();
        Assert.Equal(WorkloadKind.DaemonSet, daemon.Kind);
        Assert.True(daemon.Security.Privileged);
        Assert.True(daemon.Security.HostNetwork);
        Assert.Equal(SecurityProfile.Restricted, new WorkloadBuilder("app").Image("busybox").User("1000").SecurityProfile(SecurityProfile.Restricted).Build().Security.Profile);
        Assert.Equal(UpdateKind.Recreate, daemon.Update.Kind);

        var db = new WorkloadBuilder("db").Image("postgres").StatefulSet(3, PodManagementPolicy.Parallel)
            .VolumeTemplate("data", "/var/lib/data").VolumeTemplate("wal", "/wal", readOnly: true)
            .VolumeRetention(VolumeRetention.Delete, VolumeRetention.Retain).Partition(2).Build();
        Assert.Equal(WorkloadKind.StatefulSet, db.Kind);
        Assert.Equal(3, db.Replicas);
        Assert.Equal(PodManagementPolicy.Parallel, db.StatefulSet.PodManagement);
        Assert.Equal(new[] { new VolumeClaimTemplate("data", "/var/lib/data"), new VolumeClaimTemplate("wal", "/wal", true) }, db.StatefulSet.VolumeTemplates.ToArray());
        Assert.Equal((VolumeRetention.Delete, VolumeRetention.Retain), (db.StatefulSet.WhenScaled, db.StatefulSet.WhenDeleted));
        Assert.Equal(2, db.StatefulSet.Partition);

        var cron = new WorkloadBuilder("report").Image("busybox").CronJob("0 3 * * *", "Europe/Paris").Job(completions: 2)
            .CronPolicy(ConcurrencyPolicy.Replace, TimeSpan.FromMinutes(5), successfulHistory: 7, failedHistory: 4).Suspend().Build();
        Assert.Equal(WorkloadKind.CronJob, cron.Kind);
        Assert.Equal(RestartMode.OnFailure, cron.Restart.Mode);
        Assert.Equal(2, cron.Job.Completions);
        Assert.Equal(
            new CronJobSpec
            {
                Schedule = "0 3 * * *", TimeZone = "Europe/Paris", ConcurrencyPolicy = ConcurrencyPolicy.Replace, StartingDeadline = TimeSpan.FromMinutes(5),
                SuccessfulRunsHistoryLimit = 7, FailedRunsHistoryLimit = 4, Suspend = true,
            },
            cron.CronJob);
    }

    [Fact]
    public void Every_fluent_method_is_covered_by_a_test()
    {
        var fluent = typeof(WorkloadBuilder)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(WorkloadBuilder))
            .Select(m => m.Name)
            .Distinct()
            .Order();
        Assert.Equal(Covered.Order(), fluent);
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var spec = new WorkloadBuilder("web").Image("busybox").Build();
        Assert.Equal(1, spec.Replicas);
        Assert.Equal(PullPolicy.IfNotPresent, spec.PullPolicy);
        Assert.Equal(RestartMode.Always, spec.Restart.Mode);
        Assert.Equal(TimeSpan.FromSeconds(1), spec.Restart.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), spec.Restart.MaxDelay);
        Assert.Equal(TimeSpan.FromMinutes(10), spec.Restart.ResetAfter);
        Assert.Equal(IntOrPercent.FromPercent(25), spec.Update.MaxSurge);
        Assert.Equal(IntOrPercent.FromCount(0), spec.Update.MaxUnavailable);
        Assert.Equal(RolloutFailureAction.Rollback, spec.Update.FailureAction);
        Assert.Equal(10, spec.Update.RevisionHistoryLimit);
        Assert.Equal(TimeSpan.FromMinutes(5), spec.Update.ProgressDeadline);
        Assert.Equal(PlacementStrategy.Spread, spec.Placement.Strategy);
        Assert.Equal(TimeSpan.FromSeconds(10), spec.StopGracePeriod);
        var probe = Probe.Http("/");
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1, 3), (probe.Period, probe.Timeout, probe.SuccessThreshold, probe.FailureThreshold));
        Assert.Equal(new JobSpec { Completions = 1, Parallelism = 1, BackoffLimit = 6 }, JobSpec.Default);
        Assert.Equal((PodManagementPolicy.OrderedReady, 0, VolumeRetention.Retain, VolumeRetention.Retain), (StatefulSetSpec.Default.PodManagement, StatefulSetSpec.Default.Partition, StatefulSetSpec.Default.WhenScaled, StatefulSetSpec.Default.WhenDeleted));
        Assert.Equal((ConcurrencyPolicy.Allow, 3, 1, false, (TimeSpan?)null), (CronJobSpec.Default.ConcurrencyPolicy, CronJobSpec.Default.SuccessfulRunsHistoryLimit, CronJobSpec.Default.FailedRunsHistoryLimit, CronJobSpec.Default.Suspend, CronJobSpec.Default.StartingDeadline));
    }

    [Fact]
    public void A_built_builder_is_frozen()
    {
        var builder = new WorkloadBuilder("web").Image("busybox");
        builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => builder.Replicas(2));
        Assert.Contains("'web'", error.Message);
    }

    [Fact]
    public void Bad_quantities_are_reported_with_field_and_value_when_built()
    {
        var error = Assert.Throws<SpecValidationException>(() =>
            new WorkloadBuilder("web").Image("busybox").Requests(cpu: "fast", memory: "12Qi").Build());
        Assert.Collection(
            error.Problems,
            p => Assert.Equal(("workloads[\"web\"].resources.cpuRequest", "fast"), (p.Path, p.Value)),
            p => Assert.Equal(("workloads[\"web\"].resources.memoryRequest", "12Qi"), (p.Path, p.Value)));
    }
}
