using Orchestration.Events;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>A replica whose image its node does not have (pull policy Never, or a failed pull) has not failed: it
/// stays Pending with the runtime's reason and is tried again with a growing delay, so it starts once the image is
/// there. One pending event per distinct reason, not one per try.</summary>
internal sealed partial class WorkloadReconciler
{
    private static readonly TimeSpan ImageRetryInitialDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ImageRetryMaxDelay = TimeSpan.FromSeconds(30);

    private void WaitForImage(ReconcileContext ctx, ReplicaRecord record, ImageUnavailableException missing)
    {
        var delay = ImageRetryDelay(record.ImageRetries);
        record.ImageRetries++;
        record.Phase = ReplicaPhase.Pending;
        record.BackoffUntil = ctx.Now + delay;
        ctx.RequeueIn(delay);
        if (!string.Equals(record.Reason, missing.Message, StringComparison.Ordinal))
        {
            record.Reason = missing.Message;
            Emit(new ReplicaPending { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Reason = missing.Message });
        }
    }

    /// <summary>2 s doubling to 30 s.</summary>
    private static TimeSpan ImageRetryDelay(int retries)
        => retries >= 4 ? ImageRetryMaxDelay : TimeSpan.FromTicks(Math.Min(ImageRetryInitialDelay.Ticks << retries, ImageRetryMaxDelay.Ticks));
}
