namespace Orchestration;

/// <summary>The rules of stateful sets and cron jobs.</summary>
internal static partial class SpecValidator
{
    private static void ValidateStatefulSet(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        if (w.Kind != WorkloadKind.StatefulSet)
        {
            return;
        }

        var s = w.StatefulSet;
        if (s.Partition < 0)
        {
            problems.Add(new($"{at}.statefulSet.partition", Text(s.Partition), "must be 0 or more"));
        }

        if (w.Name.Length + 1 + Text(Math.Max(w.Replicas - 1, 0)).Length > 63)
        {
            problems.Add(new($"{at}.name", w.Name, "is too long for a stateful set: the replica names (name-ordinal) must stay DNS labels of at most 63 characters"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in s.VolumeTemplates)
        {
            var path = $"{at}.statefulSet.volumeTemplates[\"{v.Name}\"]";
            if (!NameRules.IsDnsLabel(v.Name))
            {
                problems.Add(new($"{path}.name", v.Name, "must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit"));
            }
            else if (!names.Add(v.Name))
            {
                problems.Add(new($"{path}.name", v.Name, "is declared more than once"));
            }

            if (MountRules.CheckTarget(v.Target) is { } targetRule)
            {
                problems.Add(new($"{path}.target", v.Target, targetRule));
            }
            else if (w.Mounts.Any(m => MountRules.Clean(m.Target ?? "") == MountRules.Clean(v.Target)) || s.VolumeTemplates.Count(o => MountRules.Clean(o.Target ?? "") == MountRules.Clean(v.Target)) > 1)
            {
                problems.Add(new($"{path}.target", v.Target, "is mounted more than once"));
            }
        }
    }

    private static void ValidateCronJob(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        if (w.Kind != WorkloadKind.CronJob)
        {
            return;
        }

        var c = w.CronJob;
        if (!CronSchedule.TryParse(c, out _, out var error, out var zoneError))
        {
            problems.Add(zoneError
                ? new($"{at}.cronJob.timeZone", c.TimeZone ?? string.Empty, error!)
                : new($"{at}.cronJob.schedule", c.Schedule ?? string.Empty, error!));
        }

        if (c.StartingDeadline is { } deadline && deadline <= TimeSpan.Zero)
        {
            problems.Add(new($"{at}.cronJob.startingDeadline", Text(deadline), "must be positive"));
        }

        if (c.SuccessfulRunsHistoryLimit < 0)
        {
            problems.Add(new($"{at}.cronJob.successfulRunsHistoryLimit", Text(c.SuccessfulRunsHistoryLimit), "must be 0 or more"));
        }

        if (c.FailedRunsHistoryLimit < 0)
        {
            problems.Add(new($"{at}.cronJob.failedRunsHistoryLimit", Text(c.FailedRunsHistoryLimit), "must be 0 or more"));
        }
    }
}
