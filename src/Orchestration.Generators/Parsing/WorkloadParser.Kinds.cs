using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Orchestration.Generators.Model;
using Orchestration.Generators.Rules;
using Orchestration.Rules;

namespace Orchestration.Generators.Parsing;

/// <summary>The settings of stateful sets and cron jobs, which only a workload of that kind may declare.</summary>
internal sealed partial class WorkloadParser
{
    private const string StatefulSetKind = "StatefulSet";
    private const string CronJobKind = "CronJob";

    /// <summary>The attributes of the kind-specific settings, collected while the class's attributes are read.</summary>
    private sealed class KindParts
    {
        public AttributeReader? StatefulSet { get; set; }

        public List<AttributeReader> VolumeTemplates { get; } = new();

        public AttributeReader? CronJob { get; set; }
    }

    /// <summary>The stateful-set settings of a stateful set; reports them on a workload of another kind.</summary>
    private StatefulSetModel? ParseStatefulSet(KindParts parts, string kind, int replicas, LocationInfo? nameLocation)
    {
        if (kind != StatefulSetKind)
        {
            if (parts.StatefulSet is { } misplaced)
            {
                ReportOtherKind(misplaced, StatefulSetKind, kind);
            }

            foreach (var template in parts.VolumeTemplates)
            {
                ReportOtherKind(template, StatefulSetKind, kind);
            }

            return null;
        }

        var lastReplica = _name + "-" + Text(replicas > 1 ? replicas - 1 : 0);
        if (NameRules.IsDnsLabel(_name) && lastReplica.Length > 63)
        {
            Report(DiagnosticDescriptors.StatefulSetNameTooLong, nameLocation, _name, lastReplica);
        }

        var templates = ParseVolumeTemplates(parts.VolumeTemplates);
        if (parts.StatefulSet is not { } attribute)
        {
            return templates.IsEmpty ? null : new StatefulSetModel(null, null, null, null, templates);
        }

        var partition = attribute.NamedInt("Partition");
        if (partition < 0)
        {
            Report(DiagnosticDescriptors.SettingOutOfRange, attribute.NamedLocation("Partition"), "Partition", _name, Text(partition.Value), "0 or more");
        }

        return new StatefulSetModel(
            attribute.NamedEnum("PodManagement"),
            partition,
            attribute.NamedEnum("WhenScaled"),
            attribute.NamedEnum("WhenDeleted"),
            templates);
    }

    private EquatableArray<VolumeTemplateModel> ParseVolumeTemplates(List<AttributeReader> attributes)
    {
        var templates = new List<VolumeTemplateModel>();
        foreach (var attribute in attributes)
        {
            var name = attribute.CtorString(0) ?? string.Empty;
            var target = attribute.CtorString(1) ?? string.Empty;
            if (!NameRules.IsDnsLabel(name))
            {
                Report(DiagnosticDescriptors.InvalidVolumeTemplate, attribute.CtorLocation(0), $"Volume template name '{name}'", _name,
                    "a volume template name is a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit");
            }
            else if (templates.Any(t => t.Name == name))
            {
                Report(DiagnosticDescriptors.DuplicateVolumeTemplate, attribute.CtorLocation(0), $"Volume template name '{name}'", _name);
            }

            if (target.Length == 0 || target[0] != '/')
            {
                Report(DiagnosticDescriptors.InvalidVolumeTemplate, attribute.CtorLocation(1), $"Volume template target '{target}'", _name,
                    "the target is an absolute path inside the container, such as \"/var/lib/data\"");
            }
            else if (templates.Any(t => t.Target == target))
            {
                Report(DiagnosticDescriptors.DuplicateVolumeTemplate, attribute.CtorLocation(1), $"Volume template target '{target}'", _name);
            }

            templates.Add(new VolumeTemplateModel(name, target, attribute.NamedBool("ReadOnly") ?? false));
        }

        return templates.ToEquatableArray();
    }

    /// <summary>The schedule and policies of a cron job; reports them on a workload of another kind, and a cron job
    /// whose schedule nothing sets.</summary>
    private CronJobModel? ParseCronJob(KindParts parts, string kind, AttributeReader workload, bool hasConfigure)
    {
        if (kind != CronJobKind)
        {
            if (parts.CronJob is { } misplaced)
            {
                ReportOtherKind(misplaced, CronJobKind, kind);
            }

            return null;
        }

        if (parts.CronJob is not { } attribute)
        {
            if (!hasConfigure)
            {
                Report(DiagnosticDescriptors.MissingSchedule, workload.Location, _name);
            }

            return null;
        }

        var schedule = attribute.CtorString(0) ?? string.Empty;
        if (!CronRules.TryCheck(schedule, out var error))
        {
            Report(DiagnosticDescriptors.InvalidCronSchedule, attribute.CtorLocation(0), schedule, error!);
        }

        var deadline = attribute.NamedDouble("StartingDeadlineSeconds");
        if (deadline is { } seconds && !(seconds > 0))
        {
            Report(DiagnosticDescriptors.SettingOutOfRange, attribute.NamedLocation("StartingDeadlineSeconds"), "StartingDeadlineSeconds", _name,
                seconds.ToString("R", CultureInfo.InvariantCulture), "more than 0");
        }

        var successful = NonNegative(attribute, "SuccessfulRunsHistoryLimit");
        var failed = NonNegative(attribute, "FailedRunsHistoryLimit");
        return new CronJobModel(
            schedule,
            attribute.NamedString("TimeZone"),
            attribute.NamedEnum("ConcurrencyPolicy"),
            deadline,
            successful,
            failed,
            attribute.NamedBool("Suspend"));
    }

    private int? NonNegative(AttributeReader attribute, string property)
    {
        var value = attribute.NamedInt(property);
        if (value < 0)
        {
            Report(DiagnosticDescriptors.SettingOutOfRange, attribute.NamedLocation(property), property, _name, Text(value.Value), "0 or more");
        }

        return value;
    }

    private void ReportOtherKind(AttributeReader attribute, string settingKind, string workloadKind)
        => Report(DiagnosticDescriptors.SettingOfAnotherKind, attribute.Location, attribute.Display, settingKind, _name, workloadKind);
}
