using k8s.Models;

namespace Orchestration.Kubernetes.Tests;

/// <summary>Each container field of a workload, exported and read back.</summary>
public sealed class ContainerFieldTests
{
    [Fact]
    public void Image_pull_policy_command_arguments_and_environment_are_carried_over()
    {
        var e = Exported.Workload("api", w => w
            .Image("registry.example:5000/team/api:2")
            .PullPolicy(PullPolicy.Always)
            .Command("/bin/api", "serve")
            .Args("--port", "8080", "--verbose", "")
            .Env("MODE", "production")
            .Env("EMPTY", string.Empty)
            .Env("NUMBER", "0123"));

        var c = e.Container("api");
        Assert.Equal("api", c.Name);
        Assert.Equal("registry.example:5000/team/api:2", c.Image);
        Assert.Equal("Always", c.ImagePullPolicy);
        Assert.Equal(["/bin/api", "serve"], c.Command);
        Assert.Equal(["--port", "8080", "--verbose", ""], c.Args);
        Assert.Equal(["EMPTY=", "MODE=production", "NUMBER=0123"], c.Env.Select(v => $"{v.Name}={v.Value}"));
    }

    [Fact]
    public void Secrets_are_references_to_keys_of_the_fleets_secret_and_never_values()
    {
        var e = Exported.Workload("api", w => w.Image("api:1").Secret("DB_PASSWORD", "db-password").Secret("API_TOKEN", "api/token"));

        var env = e.Container("api").Env;
        var password = Assert.Single(env, v => v.Name == "DB_PASSWORD");
        Assert.Null(password.Value);
        Assert.Equal("shop-secrets", password.ValueFrom.SecretKeyRef.Name);
        Assert.Equal("db-password", password.ValueFrom.SecretKeyRef.Key);
        var token = Assert.Single(env, v => v.Name == "API_TOKEN");
        Assert.Equal("api-token", token.ValueFrom.SecretKeyRef.Key);
        Assert.Contains("api/token", e.Warning("workloads[\"api\"].secrets[\"API_TOKEN\"].secretName").Message, StringComparison.Ordinal);
        Assert.Equal(
            [new SecretKeyReference("shop-secrets", "api-token", "api/token"), new SecretKeyReference("shop-secrets", "db-password", "db-password")],
            e.Export.Secrets);
        Assert.Empty(e.Objects.OfType<V1Secret>());
    }

    [Fact]
    public void The_secret_object_name_can_be_chosen()
    {
        var e = Exported.Workload("api", w => w.Image("api:1").Secret("DB_PASSWORD", "db-password"), new KubernetesExportOptions { SecretObjectName = "prod-db" });

        Assert.Equal("prod-db", Assert.Single(e.Container("api").Env).ValueFrom.SecretKeyRef.Name);
    }

    [Fact]
    public void Ports_become_named_container_ports_and_a_service()
    {
        var e = Exported.Workload("dns", w => w
            .Image("dns:1")
            .Port("dns", 53, PortProtocol.Udp)
            .Port("admin", 8080));

        var ports = e.Container("dns").Ports;
        Assert.Equal(["dns/53/UDP", "admin/8080/TCP"], ports.Select(p => $"{p.Name}/{p.ContainerPort}/{p.Protocol}"));
        Assert.All(ports, p => Assert.Null(p.HostPort));
        var service = e.Single<V1Service>("dns");
        Assert.Equal("ClusterIP", service.Spec.Type);
        Assert.Equal(["dns/53/dns/UDP", "admin/8080/admin/TCP"], service.Spec.Ports.Select(p => $"{p.Name}/{p.Port}/{p.TargetPort.Value}/{p.Protocol}"));
        Assert.Equal(
            new Dictionary<string, string> { ["app.kubernetes.io/name"] = "dns", ["app.kubernetes.io/part-of"] = "shop" },
            service.Spec.Selector);
        Assert.DoesNotContain(e.Warnings, w => w.Field.Contains("ports", StringComparison.Ordinal));
    }

    [Fact]
    public void A_workload_without_ports_gets_no_service()
    {
        var e = Exported.Workload("worker", w => w.Image("worker:1"));

        Assert.Empty(e.Objects.OfType<V1Service>());
    }

    [Fact]
    public void A_fixed_host_port_is_carried_over_as_host_port_and_reported()
    {
        var e = Exported.Workload("edge", w => w.Image("edge:1").Port("http", 80, hostPort: 8080, hostIp: "127.0.0.1").Port("metrics", 9090, hostIp: "127.0.0.1"));

        var http = e.Container("edge").Ports[0];
        Assert.Equal(8080, http.HostPort);
        Assert.Equal("127.0.0.1", http.HostIP);
        Assert.Contains("NodePort", e.Warning("workloads[\"edge\"].ports[\"http\"].hostPort").Message, StringComparison.Ordinal);
        var metrics = e.Container("edge").Ports[1];
        Assert.Null(metrics.HostPort);
        Assert.Null(metrics.HostIP);
        Assert.Contains("ephemeral", e.Warning("workloads[\"edge\"].ports[\"metrics\"].hostIp").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probes_keep_their_kind_target_timings_and_thresholds()
    {
        var e = Exported.Workload("api", w => w
            .Image("api:1")
            .Port("http", 8080)
            .Port("grpc", 9000)
            .Startup(Probe.Exec("cat", "/tmp/started") with { InitialDelay = TimeSpan.FromSeconds(2), Period = TimeSpan.FromSeconds(3), FailureThreshold = 30 })
            .Readiness(Probe.Http("/ready") with { Period = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(2), SuccessThreshold = 2, FailureThreshold = 4 })
            .Liveness(Probe.Tcp("grpc") with { InitialDelay = TimeSpan.FromSeconds(10), Period = TimeSpan.FromSeconds(20), Timeout = TimeSpan.FromSeconds(3), FailureThreshold = 5 }));

        var c = e.Container("api");
        Assert.Equal(["cat", "/tmp/started"], c.StartupProbe.Exec.Command);
        Assert.Equal((2, 3, 1, 1, 30), Timings(c.StartupProbe));
        Assert.Equal("/ready", c.ReadinessProbe.HttpGet.Path);
        Assert.Equal("http", c.ReadinessProbe.HttpGet.Port.Value);
        Assert.Equal((0, 5, 2, 2, 4), Timings(c.ReadinessProbe));
        Assert.Equal("grpc", c.LivenessProbe.TcpSocket.Port.Value);
        Assert.Equal((10, 20, 3, 1, 5), Timings(c.LivenessProbe));
        Assert.DoesNotContain(e.Warnings, w => w.Field.Contains("probes", StringComparison.Ordinal));
    }

    [Fact]
    public void Sub_second_probe_timings_round_up_and_are_reported()
    {
        var e = Exported.Workload("api", w => w
            .Image("api:1")
            .Port("http", 8080)
            .Readiness(Probe.Http("/") with { Period = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromMilliseconds(1500) })
            .Liveness(Probe.Http("/") with { SuccessThreshold = 2 }));

        var c = e.Container("api");
        Assert.Equal(1, c.ReadinessProbe.PeriodSeconds);
        Assert.Equal(2, c.ReadinessProbe.TimeoutSeconds);
        Assert.Contains("200 ms", e.Warning("workloads[\"api\"].probes.readiness.period").Message, StringComparison.Ordinal);
        Assert.Contains("1.5 s", e.Warning("workloads[\"api\"].probes.readiness.timeout").Message, StringComparison.Ordinal);
        Assert.Equal(1, c.LivenessProbe.SuccessThreshold);
        Assert.Contains("only 1", e.Warning("workloads[\"api\"].probes.liveness.successThreshold").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_become_request_and_limit_quantities_and_the_process_limit_is_reported()
    {
        var e = Exported.Fleet(f => f
            .AddWorkload("api", w => w.Image("api:1").Requests(cpu: "250m", memory: "256Mi").Limits(cpu: "2", memory: "1Gi", pids: 100))
            .AddWorkload("odd", w => w.Image("odd:1").Limits(cpu: "1.5", memory: "1000000"))
            .AddWorkload("bare", w => w.Image("bare:1")));

        var api = e.Container("api").Resources;
        Assert.Equal("250m", api.Requests["cpu"].ToString());
        Assert.Equal("256Mi", api.Requests["memory"].ToString());
        Assert.Equal("2", api.Limits["cpu"].ToString());
        Assert.Equal("1Gi", api.Limits["memory"].ToString());
        Assert.Equal(0.25m, api.Requests["cpu"].ToDecimal());
        Assert.Equal(1L << 30, api.Limits["memory"].ToInt64());
        Assert.Contains("podPidsLimit", e.Warning("workloads[\"api\"].resources.pidsLimit").Message, StringComparison.Ordinal);
        var odd = e.Container("odd").Resources;
        Assert.Null(odd.Requests);
        Assert.Equal(1.5m, odd.Limits["cpu"].ToDecimal());
        Assert.Equal(1_000_000L, odd.Limits["memory"].ToInt64());
        Assert.Null(e.Container("bare").Resources);
    }

    [Fact]
    public void The_locked_down_defaults_become_the_security_context()
    {
        var e = Exported.Workload("api", w => w.Image("api:1"));

        var s = e.Container("api").SecurityContext;
        Assert.False(s.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], s.Capabilities.Drop);
        Assert.Null(s.Capabilities.Add);
        Assert.Null(s.Privileged);
        Assert.Null(s.ReadOnlyRootFilesystem);
        Assert.Null(s.RunAsUser);
        Assert.False(e.Pod("api").AutomountServiceAccountToken);
    }

    [Fact]
    public void Security_settings_are_carried_over()
    {
        var e = Exported.Fleet(f => f
            .AddWorkload("proxy", w => w.Image("proxy:1").AddCapability("NET_BIND_SERVICE").AddCapability("CAP_NET_RAW").ReadOnlyRootFilesystem().User("1000:2000"))
            .AddWorkload("collector", w => w.Image("collector:1").Privileged().HostNetwork().Configure(s => s with { Security = s.Security with { HostPid = true } }).User("root")));

        var proxy = e.Container("proxy").SecurityContext;
        Assert.Equal(["NET_BIND_SERVICE", "NET_RAW"], proxy.Capabilities.Add);
        Assert.True(proxy.ReadOnlyRootFilesystem);
        Assert.Equal(1000, proxy.RunAsUser);
        Assert.Equal(2000, proxy.RunAsGroup);
        var collector = e.Container("collector").SecurityContext;
        Assert.True(collector.Privileged);
        Assert.Null(collector.AllowPrivilegeEscalation);
        Assert.Equal(0, collector.RunAsUser);
        Assert.True(e.Pod("collector").HostNetwork);
        Assert.True(e.Pod("collector").HostPID);
        Assert.Null(e.Pod("proxy").HostNetwork);
        Assert.DoesNotContain(e.Warnings, w => w.Field.Contains("security", StringComparison.Ordinal));
    }

    [Fact]
    public void A_user_name_cannot_be_expressed_and_is_reported()
    {
        var e = Exported.Workload("api", w => w.Image("api:1").User("1000:staff"));

        Assert.Equal(1000, e.Container("api").SecurityContext.RunAsUser);
        Assert.Null(e.Container("api").SecurityContext.RunAsGroup);
        Assert.Contains("'1000:staff'", e.Warning("workloads[\"api\"].security.user").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mounts_become_host_paths_memory_volumes_and_claims()
    {
        var e = Exported.Workload("db", w => w
            .Image("db:1")
            .Bind("/etc/db", "/config", readOnly: true)
            .Tmpfs("/scratch")
            .Volume("DB_data", "/var/lib/db"));

        var pod = e.Pod("db");
        Assert.Equal(["bind-0", "tmpfs-1", "volume-2"], pod.Volumes.Select(v => v.Name));
        Assert.Equal("/etc/db", pod.Volumes[0].HostPath.Path);
        Assert.Equal("Memory", pod.Volumes[1].EmptyDir.Medium);
        Assert.Equal("db-data", pod.Volumes[2].PersistentVolumeClaim.ClaimName);
        var mounts = e.Container("db").VolumeMounts;
        Assert.Equal(["bind-0:/config:True", "tmpfs-1:/scratch:", "volume-2:/var/lib/db:"], mounts.Select(m => $"{m.Name}:{m.MountPath}:{m.ReadOnlyProperty}"));
        Assert.Contains("PersistentVolumeClaim 'db-data'", e.Warning("workloads[\"db\"].mounts[\"/var/lib/db\"].source").Message, StringComparison.Ordinal);
        Assert.Single(e.Warnings, w => w.Field.Contains("mounts", StringComparison.Ordinal));
    }

    [Fact]
    public void The_stop_grace_period_and_the_drain_delay_become_grace_seconds_and_a_pre_stop_sleep()
    {
        var e = Exported.Fleet(f => f
            .AddWorkload("api", w => w.Image("api:1").StopGracePeriod(TimeSpan.FromSeconds(20)).DrainDelay(TimeSpan.FromSeconds(5)))
            .AddWorkload("quick", w => w.Image("quick:1").StopGracePeriod(TimeSpan.FromSeconds(3))));

        Assert.Equal(25, e.Pod("api").TerminationGracePeriodSeconds);
        Assert.Equal(5, e.Container("api").Lifecycle.PreStop.Sleep.Seconds);
        Assert.Equal(3, e.Pod("quick").TerminationGracePeriodSeconds);
        Assert.Null(e.Container("quick").Lifecycle);
    }

    private static (int?, int?, int?, int?, int?) Timings(V1Probe p)
        => (p.InitialDelaySeconds, p.PeriodSeconds, p.TimeoutSeconds, p.SuccessThreshold, p.FailureThreshold);
}
