using System.Globalization;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>Rolling and recreate updates of Deployments and DaemonSets, and what Kubernetes does not do on a rollout
/// that misses its deadline.</summary>
internal static class UpdateStrategyMapper
{
    public static void Apply(V1DeploymentSpec deployment, WorkloadSpec workload, ExportContext context)
    {
        var update = workload.Update;
        var at = $"{ExportContext.PathOf(workload)}.update";
        deployment.Strategy = update.Kind == UpdateKind.Recreate
            ? new V1DeploymentStrategy { Type = "Recreate" }
            : new V1DeploymentStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = IntOrString(update.MaxSurge), MaxUnavailable = IntOrString(update.MaxUnavailable) },
            };
        deployment.MinReadySeconds = Seconds.Of(update.MinReadyTime, context, $"{at}.minReadyTime");
        deployment.ProgressDeadlineSeconds = Seconds.Of(update.ProgressDeadline, context, $"{at}.progressDeadline", minimum: 1);
        deployment.RevisionHistoryLimit = update.RevisionHistoryLimit;
        context.Warn(
            $"{at}.failureAction",
            update.FailureAction == RolloutFailureAction.Rollback
                ? "is Rollback; a Deployment that misses its progress deadline is only marked failed (ProgressDeadlineExceeded) and never rolls back by itself: roll back with 'kubectl rollout undo' or from the pipeline"
                : "is Pause; a Deployment that misses its progress deadline is only marked failed (ProgressDeadlineExceeded) and keeps trying: pause it with 'kubectl rollout pause' from the pipeline");
    }

    public static void Apply(V1DaemonSetSpec daemonSet, WorkloadSpec workload, ExportContext context)
    {
        var update = workload.Update;
        var at = $"{ExportContext.PathOf(workload)}.update";
        if (update.Kind == UpdateKind.Recreate)
        {
            // Every old pod may be down at once and no new pod starts before its node's old one stopped: a recreate.
            daemonSet.UpdateStrategy = new V1DaemonSetUpdateStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDaemonSet { MaxSurge = 0, MaxUnavailable = "100%" },
            };
        }
        else
        {
            var surge = update.MaxSurge;
            if (surge.Value != 0 && update.MaxUnavailable.Value != 0)
            {
                context.Warn($"{at}.maxSurge", $"is {surge} with maxUnavailable {update.MaxUnavailable}; a DaemonSet takes a surge only when maxUnavailable is 0, so the manifests say maxSurge 0");
                surge = IntOrPercent.FromCount(0);
            }

            daemonSet.UpdateStrategy = new V1DaemonSetUpdateStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDaemonSet { MaxSurge = IntOrString(surge), MaxUnavailable = IntOrString(update.MaxUnavailable) },
            };
        }

        daemonSet.MinReadySeconds = Seconds.Of(update.MinReadyTime, context, $"{at}.minReadyTime");
        daemonSet.RevisionHistoryLimit = update.RevisionHistoryLimit;
        context.Warn(
            $"{at}.progressDeadline",
            $"is {update.ProgressDeadline.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s with failure action {update.FailureAction}; a DaemonSet has no progress deadline and never rolls back or pauses by itself: watch 'kubectl rollout status' from the pipeline");
    }

    /// <summary>2 stays a number, 25% stays a percentage.</summary>
    public static IntOrString IntOrString(IntOrPercent value)
        => value.IsPercent ? value.ToString() : value.Value;
}
