namespace Orchestration.Reconciliation;

/// <summary>Start order: a workload starts only once each dependency is Ready (a replica passes readiness) or, for a
/// job, Completed. Once started it is not stopped if a dependency later fails. (The status publisher wakes dependants
/// when a workload's status changes.)</summary>
internal sealed class DependencyGate
{
    private readonly StatusBoard _status;

    public DependencyGate(StatusBoard status)
    {
        _status = status;
    }

    public bool IsOpen(ReconcileContext ctx, WorkloadSpec spec)
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
}
