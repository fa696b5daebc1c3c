using k8s;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>A cron job workload becomes a CronJob: schedule, time zone, concurrency policy, starting deadline, history
/// limits and suspension, with the shared job spec as its job template.</summary>
internal sealed class CronJobMapper : IWorkloadKindMapper
{
    public WorkloadKind Kind => WorkloadKind.CronJob;

    public IEnumerable<IKubernetesObject<V1ObjectMeta>> Map(WorkloadSpec workload, ExportContext context)
    {
        var at = ExportContext.PathOf(workload);
        var cron = workload.CronJob;
        if (cron.Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 6 } fields)
        {
            context.Warn($"{at}.cronJob.schedule", $"is '{cron.Schedule}', with seconds; Kubernetes schedules by the minute, so the manifests drop the seconds field ('{string.Join(' ', fields[1..])}')");
        }

        var spec = new V1CronJobSpec
        {
            Schedule = cron.Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 6 } six ? string.Join(' ', six[1..]) : cron.Schedule,
            TimeZone = cron.TimeZone,
            ConcurrencyPolicy = cron.ConcurrencyPolicy.ToString(),
            StartingDeadlineSeconds = cron.StartingDeadline is { } deadline ? Seconds.Of(deadline, context, $"{at}.cronJob.startingDeadline", minimum: 1) : null,
            SuccessfulJobsHistoryLimit = cron.SuccessfulRunsHistoryLimit,
            FailedJobsHistoryLimit = cron.FailedRunsHistoryLimit,
            Suspend = cron.Suspend,
            JobTemplate = new V1JobTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = FleetLabels.ForWorkload(context, workload) },
                Spec = JobSpecMapper.Map(workload, context),
            },
        };

        yield return ObjectHeader.Set(
            new V1CronJob { Metadata = context.Metadata(workload.Name, workload), Spec = spec },
            V1CronJob.KubeGroup,
            V1CronJob.KubeApiVersion,
            V1CronJob.KubeKind);
    }
}
