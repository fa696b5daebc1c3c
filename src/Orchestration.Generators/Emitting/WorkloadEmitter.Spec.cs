using System.Collections.Generic;
using System.Linq;
using Orchestration.Generators.Model;
using Orchestration.Rules;

namespace Orchestration.Generators.Emitting;

/// <summary>The object initializer of the spec.</summary>
internal static partial class WorkloadEmitter
{
    private static void WriteSpec(IndentedWriter w, WorkloadModel m)
    {
        w.Line("Name = WorkloadName,");
        w.Line($"Image = {CSharp.Literal(m.Image ?? string.Empty)},");
        if (m.Kind is not null)
        {
            w.Line($"Kind = {m.Kind},");
        }

        if (m.PullPolicy is not null)
        {
            w.Line($"PullPolicy = {m.PullPolicy},");
        }

        if (m.Command is { } command)
        {
            w.Line($"Command = {CSharp.Strings(command)},");
        }

        if (m.Args is { } args)
        {
            w.Line($"Args = {CSharp.Strings(args)},");
        }

        w.Line($"Replicas = {CSharp.Literal(m.Replicas)},");
        w.Line($"Environment = {CSharp.Map(Environment(m))},");
        if (!m.Secrets.IsEmpty)
        {
            var secrets = m.Secrets.Select(s => $"new {O}SecretReference({CSharp.Literal(s.Name)}, {CSharp.Literal(s.Value)})");
            w.Line($"Secrets = {CSharp.Immutable}.ImmutableArray.Create({string.Join(", ", secrets)}),");
        }

        if (!m.SecretFiles.IsEmpty)
        {
            var files = m.SecretFiles.Select(f => $"new {O}FileSpec({CSharp.Literal(f.Value)}, {O}FileSourceKind.Secret, {CSharp.Literal(f.Name)})");
            w.Line($"Files = {CSharp.Immutable}.ImmutableArray.Create({string.Join(", ", files)}),");
        }

        if (!m.Ports.IsEmpty)
        {
            w.Line($"Ports = {CSharp.Immutable}.ImmutableArray.Create({string.Join(", ", m.Ports.Select(Port))}),");
        }

        if (m.Resources is { } r)
        {
            WriteResources(w, r);
        }

        if (!m.Placement.IsEmpty)
        {
            WritePlacement(w, m.Placement);
        }

        if (!m.Probes.IsEmpty)
        {
            WriteProbes(w, m.Probes);
        }

        WriteRestart(w, m);
        if (m.Autoscale is { } autoscale)
        {
            WriteAutoscaling(w, autoscale);
        }

        if (m.StatefulSet is { } statefulSet)
        {
            WriteStatefulSet(w, statefulSet);
        }

        if (m.CronJob is { } cronJob)
        {
            WriteCronJob(w, cronJob);
        }

        if (m.Update is { } update)
        {
            WriteUpdate(w, update);
        }

        if (!m.Dependencies.IsEmpty)
        {
            var dependencies = m.Dependencies.Select(d => $"new {O}DependencySpec({CSharp.Literal(d.WorkloadName)}, {d.Condition})");
            w.Line($"Dependencies = {CSharp.Immutable}.ImmutableArray.Create({string.Join(", ", dependencies)}),");
        }

        w.Line($"Labels = {CSharp.Map(m.Labels.Select(l => (l.Name, l.Value)))},");
    }

    /// <summary>The declared variables, then the endpoint of each dependency unless a declared one has the name.</summary>
    private static IEnumerable<(string Key, string Value)> Environment(WorkloadModel m)
    {
        var taken = new HashSet<string>(m.Environment.Select(e => e.Name).Concat(m.Secrets.Select(s => s.Name)));
        foreach (var e in m.Environment)
        {
            yield return (e.Name, e.Value);
        }

        foreach (var dependency in m.Dependencies)
        {
            var host = DependencyVariables.Host(dependency.WorkloadName);
            if (taken.Add(host))
            {
                yield return (host, dependency.WorkloadName);
            }

            foreach (var port in dependency.Ports)
            {
                var variable = DependencyVariables.Port(dependency.WorkloadName, port.Name);
                if (taken.Add(variable))
                {
                    yield return (variable, CSharp.Literal(port.ContainerPort));
                }
            }
        }
    }

    private static string Port(PortModel p)
    {
        var text = $"new {O}PortSpec({CSharp.Literal(p.Name)}, {CSharp.Literal(p.ContainerPort)}";
        if (p.Protocol is not null)
        {
            text += $", protocol: {p.Protocol}";
        }

        if (p.HostPort is { } host)
        {
            text += $", hostPort: {CSharp.Literal(host)}";
        }

        return text + ")";
    }

    private static void WriteResources(IndentedWriter w, ResourcesModel r)
    {
        w.Open($"Resources = new {O}ResourceSpec");
        Optional(w, "CpuRequestMillicores", r.CpuRequest);
        Optional(w, "CpuLimitMillicores", r.CpuLimit);
        Optional(w, "MemoryRequestBytes", r.MemoryRequest);
        Optional(w, "MemoryLimitBytes", r.MemoryLimit);
        Optional(w, "PidsLimit", r.Pids);
        w.Close("},");
    }

    private static void WritePlacement(IndentedWriter w, PlacementModel p)
    {
        w.Open($"Placement = new {O}PlacementSpec");
        if (!p.NodeSelector.IsEmpty)
        {
            w.Line($"NodeSelector = {CSharp.Map(p.NodeSelector.Select(n => (n.Name, n.Value)))},");
        }

        if (!p.Tolerations.IsEmpty)
        {
            var tolerations = p.Tolerations.Select(t =>
                $"new {O}Toleration({CSharp.Literal(t.Key)}, {(t.Value is null ? "null" : CSharp.Literal(t.Value))}, {t.Effect ?? "null"})");
            w.Line($"Tolerations = {CSharp.Immutable}.ImmutableArray.Create({string.Join(", ", tolerations)}),");
        }

        if (!p.RequiredAntiAffinity.IsEmpty)
        {
            w.Line($"RequiredAntiAffinity = {CSharp.Strings(p.RequiredAntiAffinity)},");
        }

        if (!p.PreferredAntiAffinity.IsEmpty)
        {
            w.Line($"PreferredAntiAffinity = {CSharp.Strings(p.PreferredAntiAffinity)},");
        }

        if (p.Strategy is not null)
        {
            w.Line($"Strategy = {p.Strategy},");
        }

        if (p.MaxSkew is { } skew)
        {
            w.Line($"MaxSkew = {CSharp.Literal(skew)},");
        }

        w.Close("},");
    }

    private static void WriteProbes(IndentedWriter w, EquatableArray<ProbeModel> probes)
    {
        w.Open($"Probes = new {O}ProbeSet");
        foreach (var probe in probes)
        {
            w.Open($"{probe.Target} = new {O}ProbeSpec");
            w.Line($"Kind = {O}ProbeKind.{probe.Kind},");
            if (probe.Port is not null)
            {
                w.Line($"Port = {CSharp.Literal(probe.Port)},");
            }

            if (probe.Path is not null)
            {
                w.Line($"Path = {CSharp.Literal(probe.Path)},");
            }

            if (!probe.Command.IsEmpty)
            {
                w.Line($"Command = {CSharp.Strings(probe.Command)},");
            }

            Optional(w, "InitialDelay", probe.InitialDelaySeconds);
            Optional(w, "Period", probe.PeriodSeconds);
            Optional(w, "Timeout", probe.TimeoutSeconds);
            Optional(w, "SuccessThreshold", probe.SuccessThreshold);
            Optional(w, "FailureThreshold", probe.FailureThreshold);
            w.Close("},");
        }

        w.Close("},");
    }

    /// <summary>The declared restart policy; a job or cron job without one restarts on failure, as the fluent builder
    /// does.</summary>
    private static void WriteRestart(IndentedWriter w, WorkloadModel m)
    {
        var mode = m.Restart?.Mode ?? (m.Kind == O + "WorkloadKind.Job" || m.Kind == O + "WorkloadKind.CronJob" ? O + "RestartMode.OnFailure" : null);
        if (mode is null)
        {
            return;
        }

        w.Open($"Restart = new {O}RestartPolicy");
        w.Line($"Mode = {mode},");
        Optional(w, "InitialDelay", m.Restart?.InitialDelaySeconds);
        Optional(w, "MaxDelay", m.Restart?.MaxDelaySeconds);
        Optional(w, "ResetAfter", m.Restart?.ResetAfterSeconds);
        w.Close("},");
    }

    private static void WriteStatefulSet(IndentedWriter w, StatefulSetModel s)
    {
        w.Open($"StatefulSet = new {O}StatefulSetSpec");
        if (s.PodManagement is not null)
        {
            w.Line($"PodManagement = {s.PodManagement},");
        }

        Optional(w, "Partition", s.Partition);
        if (!s.VolumeTemplates.IsEmpty)
        {
            var templates = s.VolumeTemplates.Select(t =>
                $"new {O}VolumeClaimTemplate({CSharp.Literal(t.Name)}, {CSharp.Literal(t.Target)}, {(t.ReadOnly ? "true" : "false")})");
            w.Line($"VolumeTemplates = {CSharp.Immutable}.ImmutableArray.Create({string.Join(", ", templates)}),");
        }

        if (s.WhenScaled is not null)
        {
            w.Line($"WhenScaled = {s.WhenScaled},");
        }

        if (s.WhenDeleted is not null)
        {
            w.Line($"WhenDeleted = {s.WhenDeleted},");
        }

        w.Close("},");
    }

    private static void WriteCronJob(IndentedWriter w, CronJobModel c)
    {
        w.Open($"CronJob = new {O}CronJobSpec");
        w.Line($"Schedule = {CSharp.Literal(c.Schedule)},");
        if (c.TimeZone is not null)
        {
            w.Line($"TimeZone = {CSharp.Literal(c.TimeZone)},");
        }

        if (c.ConcurrencyPolicy is not null)
        {
            w.Line($"ConcurrencyPolicy = {c.ConcurrencyPolicy},");
        }

        Optional(w, "StartingDeadline", c.StartingDeadlineSeconds);
        Optional(w, "SuccessfulRunsHistoryLimit", c.SuccessfulRunsHistoryLimit);
        Optional(w, "FailedRunsHistoryLimit", c.FailedRunsHistoryLimit);
        if (c.Suspend is { } suspend)
        {
            w.Line($"Suspend = {(suspend ? "true" : "false")},");
        }

        w.Close("},");
    }

    private static void WriteUpdate(IndentedWriter w, UpdateModel u)
    {
        w.Open($"Update = new {O}UpdateStrategy");
        if (u.Recreate)
        {
            w.Line($"Kind = {O}UpdateKind.Recreate,");
        }

        if (u.MaxSurge is { } surge)
        {
            w.Line($"MaxSurge = {Budget(surge, u.MaxSurgeIsPercent)},");
        }

        if (u.MaxUnavailable is { } unavailable)
        {
            w.Line($"MaxUnavailable = {Budget(unavailable, u.MaxUnavailableIsPercent)},");
        }

        Optional(w, "MinReadyTime", u.MinReadySeconds);
        Optional(w, "ProgressDeadline", u.ProgressDeadlineSeconds);
        if (u.OnFailure is not null)
        {
            w.Line($"FailureAction = {u.OnFailure},");
        }

        Optional(w, "RevisionHistoryLimit", u.RevisionHistoryLimit);
        w.Close("},");
    }

    private static string Budget(int value, bool isPercent)
        => $"{O}IntOrPercent.{(isPercent ? "FromPercent" : "FromCount")}({CSharp.Literal(value)})";

    private static void Optional(IndentedWriter w, string property, long? value)
    {
        if (value is { } v)
        {
            w.Line($"{property} = {CSharp.Literal(v)},");
        }
    }

    private static void Optional(IndentedWriter w, string property, int? value)
    {
        if (value is { } v)
        {
            w.Line($"{property} = {CSharp.Literal(v)},");
        }
    }

    private static void Optional(IndentedWriter w, string property, double? seconds)
    {
        if (seconds is { } s)
        {
            w.Line($"{property} = {CSharp.Seconds(s)},");
        }
    }
}
