namespace Orchestration.Reconciliation;

/// <summary>Start order: a workload starts only once each dependency is Ready (a replica passes readiness) or, for
/// a job, Completed. Once started it is not stopped if a dependency later fails. A workload whose status changes wakes
/// the workloads that depend on it.</summary>
internal sealed partial class WorkloadReconciler
{
    private bool DependenciesMet(ReconcileContext ctx, WorkloadSpec spec)
    {
        var book = ctx.Book;
        if (book.DependenciesMet)
        {
            return true;
        }

        if (book.Replicas.Count > 0 || spec.Dependencies.All(IsSatisfied))
        {
            book.DependenciesMet = true;
            return true;
        }

        return false;
    }

    private bool IsSatisfied(DependencySpec dependency)
    {
        var status = _status.Get(dependency.Workload);
        return status is not null && dependency.Condition switch
        {
            DependencyCondition.Completed => status.Phase == WorkloadPhase.Completed,
            _ => status.Ready > 0 || status.Phase == WorkloadPhase.Completed,
        };
    }

    private void WakeDependants(string workload)
    {
        foreach (var spec in _desired.Current?.Workloads ?? [])
        {
            if (spec.Dependencies.Any(d => d.Workload == workload))
            {
                _wake.Wake(spec.Name);
            }
        }
    }
}
