namespace Orchestration.Reconciliation;

/// <summary>The controller of one workload kind (Kubernetes' replicaset, daemon, job, statefulset and cronjob
/// controllers). <see cref="WorkloadReconciler"/> calls the one matching the desired spec's kind; each calls the shared
/// steps (<see cref="ReplicaPipeline"/>, <see cref="ReplicaRemoval"/>, …) around its own logic.</summary>
internal interface IWorkloadController
{
    WorkloadKind Kind { get; }

    /// <summary>Brings the workload to <paramref name="spec"/>.</summary>
    Task ReconcileAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken);

    /// <summary>Removes what the workload left after it was taken out of the desired state (<paramref name="last"/>
    /// is its last spec, when known).</summary>
    Task DeleteAsync(ReconcileContext ctx, WorkloadSpec? last, CancellationToken cancellationToken);
}
