namespace Orchestration.Reconciliation;

/// <summary>The seam through which dependency addresses will be injected into a replica's environment: every
/// registered implementation adds variables before secrets are resolved. None is registered yet.</summary>
internal interface IDependencyEnvironment
{
    void Contribute(string fleet, WorkloadSpec workload, IDictionary<string, string> environment);
}
