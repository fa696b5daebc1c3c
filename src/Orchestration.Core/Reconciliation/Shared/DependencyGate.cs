namespace Orchestration.Reconciliation;

/// <summary>Start order: a workload starts only once each dependency is Ready (a replica passes readiness) or, for a
/// job, Completed; a dependency that is an autoscaled service at zero does not hold it back (it is reported instead, see
/// <see cref="Autoscaling.DependenciesAtZero"/>). Once started it is not stopped if a dependency later fails. (The
/// status publisher wakes dependants when a workload's status changes.)</summary>
internal sealed class DependencyGate
{
    private readonly StatusBoard _status;
    private readonly Autoscaling.DependenciesAtZero? _atZero;

    public DependencyGate(StatusBoard status, Autoscaling.DependenciesAtZero? atZero = null)
    {
        _status = status;
        _atZero = atZero;
    }

    public bool IsOpen(ReconcileContext ctx, WorkloadSpec spec)
    {
        var book = ctx.Book;
        if (book.DependenciesMet)
        {
            return true;
        }

        if (book.Replicas.Count > 0 || spec.Dependencies.All(IsSatisfied)
            || _atZero?.LetThrough(ctx.Workload, [.. spec.Dependencies.Where(d => !IsSatisfied(d))]) == true)
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
