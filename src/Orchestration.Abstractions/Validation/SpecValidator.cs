using System.Globalization;

namespace Orchestration;

/// <summary>Checks a fleet and its workloads against every rule and reports all problems together.</summary>
internal static partial class SpecValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(FleetSpec fleet)
    {
        var problems = new List<ValidationProblem>();
        if (!NameRules.IsDnsLabel(fleet.Name))
        {
            problems.Add(new("name", fleet.Name, "must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var workload in fleet.Workloads)
        {
            if (!seen.Add(workload.Name))
            {
                problems.Add(new($"workloads[\"{workload.Name}\"]", workload.Name, "is declared more than once; workload names must be unique in a fleet"));
            }

            ValidateWorkload(workload, problems);
        }

        ValidateDependencies(fleet, problems);
        ValidateHostPorts(fleet, problems);
        return problems;
    }

    public static void ValidateWorkload(WorkloadSpec w, List<ValidationProblem> problems)
    {
        var at = $"workloads[\"{w.Name}\"]";
        if (!NameRules.IsDnsLabel(w.Name))
        {
            problems.Add(new($"{at}.name", w.Name, "must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit"));
        }

        if (ImageReferenceGrammar.Check(w.Image) is { } imageRule)
        {
            problems.Add(new($"{at}.image", w.Image, imageRule));
        }

        if (w.Replicas < 0)
        {
            problems.Add(new($"{at}.replicas", Text(w.Replicas), "must be 0 or more"));
        }

        ValidateEnvironment(w, at, problems);
        FileSpecRules.Validate(w, at, problems);
        ValidatePorts(w, at, problems);
        ValidateResources(w.Resources, at, problems);
        ValidatePlacement(w.Placement, at, problems);
        ValidateProbe(w, w.Probes.Startup, $"{at}.probes.startup", problems);
        ValidateProbe(w, w.Probes.Readiness, $"{at}.probes.readiness", problems);
        ValidateProbe(w, w.Probes.Liveness, $"{at}.probes.liveness", problems);
        ValidateRestart(w, at, problems);
        ValidateUpdate(w.Update, at, problems);
        ValidateJob(w, at, problems);
        ValidateStatefulSet(w, at, problems);
        ValidateCronJob(w, at, problems);
        ValidateMounts(w, at, problems);
        ValidateAutoscaling(w, at, problems);

        ValidateLabels(w, at, problems);
        ValidateProcess(w, at, problems);
        ValidateSecurity(w, at, problems);

        if (w.StopGracePeriod < TimeSpan.Zero)
        {
            problems.Add(new($"{at}.stopGracePeriod", Text(w.StopGracePeriod), "must not be negative"));
        }

        if (w.DrainDelay < TimeSpan.Zero)
        {
            problems.Add(new($"{at}.drainDelay", Text(w.DrainDelay), "must not be negative"));
        }
    }

    private static void ValidateEnvironment(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        foreach (var name in w.Environment.Keys)
        {
            if (!NameRules.IsEnvironmentName(name))
            {
                problems.Add(new($"{at}.environment", name, "is not a valid environment variable name (letters, digits and '_', not starting with a digit)"));
            }
        }

        var secretNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in w.Secrets)
        {
            var path = $"{at}.secrets[\"{s.EnvironmentVariable}\"]";
            if (!NameRules.IsEnvironmentName(s.EnvironmentVariable))
            {
                problems.Add(new(path, s.EnvironmentVariable, "is not a valid environment variable name (letters, digits and '_', not starting with a digit)"));
            }
            else if (w.Environment.ContainsKey(s.EnvironmentVariable) || !secretNames.Add(s.EnvironmentVariable))
            {
                problems.Add(new(path, s.EnvironmentVariable, "is set more than once; a variable is either plain or a secret, once"));
            }

            if (string.IsNullOrWhiteSpace(s.SecretName))
            {
                problems.Add(new($"{path}.secretName", s.SecretName, "must name a secret"));
            }
        }
    }

    private static void ValidatePorts(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<(int, PortProtocol)>();
        var hostPorts = new HashSet<(int, PortProtocol)>();
        foreach (var p in w.Ports)
        {
            var path = $"{at}.ports[\"{p.Name}\"]";
            if (!NameRules.IsPortName(p.Name))
            {
                problems.Add(new($"{path}.name", p.Name, "must be 1-15 lowercase letters, digits or '-', starting and ending with a letter or digit"));
            }
            else if (!names.Add(p.Name))
            {
                problems.Add(new($"{path}.name", p.Name, "is declared more than once; port names must be unique in a workload"));
            }

            if (p.ContainerPort is < 1 or > 65535)
            {
                problems.Add(new($"{path}.containerPort", Text(p.ContainerPort), "must be between 1 and 65535"));
            }
            else if (!numbers.Add((p.ContainerPort, p.Protocol)))
            {
                problems.Add(new($"{path}.containerPort", Text(p.ContainerPort), $"is declared more than once for {p.Protocol}"));
            }

            if (p.HostPort is { } hostPort && hostPort is < 1 or > 65535)
            {
                problems.Add(new($"{path}.hostPort", Text(hostPort), "must be between 1 and 65535"));
            }
            else if (p.HostPort is { } fixedPort && !hostPorts.Add((fixedPort, p.Protocol)))
            {
                problems.Add(new($"{path}.hostPort", Text(fixedPort), $"is published twice by this workload for {p.Protocol}; a host port can take one container port"));
            }

            if (p.HostIp is { } ip && !System.Net.IPAddress.TryParse(ip, out _))
            {
                problems.Add(new($"{path}.hostIp", ip, "is not an IP address"));
            }
        }
    }

    private static void ValidateResources(ResourceSpec r, string at, List<ValidationProblem> problems)
    {
        Positive(r.CpuRequestMillicores, $"{at}.resources.cpuRequest", problems);
        Positive(r.CpuLimitMillicores, $"{at}.resources.cpuLimit", problems);
        Positive(r.MemoryRequestBytes, $"{at}.resources.memoryRequest", problems);
        Positive(r.MemoryLimitBytes, $"{at}.resources.memoryLimit", problems);
        Positive(r.PidsLimit, $"{at}.resources.pidsLimit", problems);
        if (r.CpuRequestMillicores > r.CpuLimitMillicores)
        {
            problems.Add(new($"{at}.resources.cpuRequest", $"{r.CpuRequestMillicores}m", $"must not exceed the CPU limit of {r.CpuLimitMillicores}m"));
        }

        if (r.MemoryRequestBytes > r.MemoryLimitBytes)
        {
            problems.Add(new($"{at}.resources.memoryRequest", Text(r.MemoryRequestBytes!.Value), $"must not exceed the memory limit of {r.MemoryLimitBytes} bytes"));
        }
    }

    private static void ValidatePlacement(PlacementSpec p, string at, List<ValidationProblem> problems)
    {
        foreach (var (key, _) in p.NodeSelector)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                problems.Add(new($"{at}.placement.nodeSelector", key, "keys must not be empty"));
            }
        }

        foreach (var t in p.Tolerations)
        {
            if (string.IsNullOrWhiteSpace(t.Key))
            {
                problems.Add(new($"{at}.placement.tolerations", t.Key, "keys must not be empty"));
            }
        }

        if (p.MaxSkew is { } skew && skew < 1)
        {
            problems.Add(new($"{at}.placement.maxSkew", Text(skew), "must be 1 or more"));
        }
    }

    private static void ValidateProbe(WorkloadSpec w, ProbeSpec? probe, string path, List<ValidationProblem> problems)
    {
        if (probe is null)
        {
            return;
        }

        if (probe.Kind is ProbeKind.Http or ProbeKind.Tcp)
        {
            if (string.IsNullOrEmpty(probe.Port) || !w.HasPort(probe.Port))
            {
                problems.Add(new($"{path}.port", probe.Port ?? "", $"is not a port declared by the workload (declared: {DeclaredPorts(w)})"));
            }
        }

        if (probe.Kind == ProbeKind.Http && (probe.Path is null || !probe.Path.StartsWith('/')))
        {
            problems.Add(new($"{path}.path", probe.Path ?? "", "must start with '/'"));
        }

        if (probe.Kind == ProbeKind.Exec && (probe.Command.IsDefaultOrEmpty || string.IsNullOrWhiteSpace(probe.Command[0])))
        {
            problems.Add(new($"{path}.command", null, "must name a command to run"));
        }

        if (probe.Period <= TimeSpan.Zero)
        {
            problems.Add(new($"{path}.period", Text(probe.Period), "must be positive"));
        }

        if (probe.Timeout <= TimeSpan.Zero)
        {
            problems.Add(new($"{path}.timeout", Text(probe.Timeout), "must be positive"));
        }

        if (probe.InitialDelay < TimeSpan.Zero)
        {
            problems.Add(new($"{path}.initialDelay", Text(probe.InitialDelay), "must not be negative"));
        }

        if (probe.SuccessThreshold < 1)
        {
            problems.Add(new($"{path}.successThreshold", Text(probe.SuccessThreshold), "must be 1 or more"));
        }

        if (probe.FailureThreshold < 1)
        {
            problems.Add(new($"{path}.failureThreshold", Text(probe.FailureThreshold), "must be 1 or more"));
        }
    }

    private static void ValidateRestart(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        var r = w.Restart;
        if (w.Kind is not (WorkloadKind.Job or WorkloadKind.CronJob) && r.Mode != RestartMode.Always)
        {
            problems.Add(new($"{at}.restart.mode", r.Mode.ToString(), $"is not allowed for a {w.Kind}: only Always is"));
        }

        if (r.InitialDelay <= TimeSpan.Zero)
        {
            problems.Add(new($"{at}.restart.initialDelay", Text(r.InitialDelay), "must be positive"));
        }

        if (r.MaxDelay < r.InitialDelay)
        {
            problems.Add(new($"{at}.restart.maxDelay", Text(r.MaxDelay), $"must not be shorter than the initial delay of {Text(r.InitialDelay)}"));
        }

        if (r.ResetAfter <= TimeSpan.Zero)
        {
            problems.Add(new($"{at}.restart.resetAfter", Text(r.ResetAfter), "must be positive"));
        }
    }

    private static void ValidateUpdate(UpdateStrategy u, string at, List<ValidationProblem> problems)
    {
        CheckSurge(u.MaxSurge, $"{at}.update.maxSurge", problems);
        CheckSurge(u.MaxUnavailable, $"{at}.update.maxUnavailable", problems);
        if (u.Kind == UpdateKind.RollingUpdate && u.MaxSurge.Value == 0 && u.MaxUnavailable.Value == 0)
        {
            problems.Add(new($"{at}.update", $"maxSurge {u.MaxSurge}, maxUnavailable {u.MaxUnavailable}", "cannot both be zero: the rollout could never make progress"));
        }

        if (u.MinReadyTime < TimeSpan.Zero)
        {
            problems.Add(new($"{at}.update.minReadyTime", Text(u.MinReadyTime), "must not be negative"));
        }

        if (u.ProgressDeadline <= TimeSpan.Zero)
        {
            problems.Add(new($"{at}.update.progressDeadline", Text(u.ProgressDeadline), "must be positive"));
        }

        if (u.RevisionHistoryLimit < 0)
        {
            problems.Add(new($"{at}.update.revisionHistoryLimit", Text(u.RevisionHistoryLimit), "must be 0 or more"));
        }
    }

    private static void CheckSurge(IntOrPercent value, string path, List<ValidationProblem> problems)
    {
        if (value.Value < 0 || (value.IsPercent && value.Value > 100))
        {
            problems.Add(new(path, value.ToString(), "must be a count of 0 or more or a percentage from 0% to 100%"));
        }
    }

    private static void ValidateJob(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        if (w.Kind is not (WorkloadKind.Job or WorkloadKind.CronJob))
        {
            return;
        }

        if (w.Job.Completions < 1)
        {
            problems.Add(new($"{at}.job.completions", Text(w.Job.Completions), "must be 1 or more"));
        }

        if (w.Job.Parallelism < 1)
        {
            problems.Add(new($"{at}.job.parallelism", Text(w.Job.Parallelism), "must be 1 or more"));
        }

        if (w.Job.BackoffLimit < 0)
        {
            problems.Add(new($"{at}.job.backoffLimit", Text(w.Job.BackoffLimit), "must be 0 or more"));
        }
    }

    private static void ValidateMounts(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in w.Mounts)
        {
            var path = $"{at}.mounts[\"{m.Target}\"]";
            if (MountRules.CheckTarget(m.Target) is { } targetRule)
            {
                problems.Add(new($"{path}.target", m.Target, targetRule));
            }
            else if (!targets.Add(MountRules.Clean(m.Target)))
            {
                problems.Add(new($"{path}.target", m.Target, "is mounted more than once"));
            }

            if (m.Kind == MountKind.Bind && (m.Source is null || !m.Source.StartsWith('/')))
            {
                problems.Add(new($"{path}.source", m.Source ?? "", "must be an absolute path on the node for a bind mount"));
            }

            if (m.Kind == MountKind.Volume && string.IsNullOrWhiteSpace(m.Source))
            {
                problems.Add(new($"{path}.source", m.Source ?? "", "must name the volume"));
            }
            else if (m.Kind == MountKind.Volume && MountRules.CheckVolumeName(m.Source) is { } volumeRule)
            {
                problems.Add(new($"{path}.source", m.Source, volumeRule));
            }
            else if (m.Kind == MountKind.Bind && m.Source is not null && m.Source.Any(char.IsControl))
            {
                problems.Add(new($"{path}.source", m.Source, "must not contain control characters"));
            }
        }
    }

    private static void Positive(long? value, string path, List<ValidationProblem> problems)
    {
        if (value is { } v && v <= 0)
        {
            problems.Add(new(path, Text(v), "must be positive"));
        }
    }

    private static string DeclaredPorts(WorkloadSpec w)
        => w.Ports.IsDefaultOrEmpty ? "none" : string.Join(", ", w.Ports.Select(p => p.Name));

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Text(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
