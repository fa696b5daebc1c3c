using Orchestration.Rules;
using Orchestration.State;

namespace Orchestration.Reconciliation;

/// <summary>Puts each dependency's address into a dependant's environment, as typed workloads get them at compile
/// time: <c>{DEP}_HOST</c> (the dependency's name, its network alias) and <c>{DEP}_PORT_{PORT}</c> (its container
/// port), upper case with every other character as '_'. Variables the spec sets itself win.</summary>
internal sealed class DependencyAddresses : IDependencyEnvironment
{
    private readonly DesiredStateStore _desired;

    public DependencyAddresses(DesiredStateStore desired)
    {
        _desired = desired;
    }

    public void Contribute(string fleet, WorkloadSpec workload, IDictionary<string, string> environment)
    {
        foreach (var dependency in workload.Dependencies)
        {
            environment.TryAdd(DependencyVariables.Host(dependency.Workload), dependency.Workload);
            foreach (var port in _desired.Current?.Find(dependency.Workload)?.Ports ?? [])
            {
                environment.TryAdd(DependencyVariables.Port(dependency.Workload, port.Name), port.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
