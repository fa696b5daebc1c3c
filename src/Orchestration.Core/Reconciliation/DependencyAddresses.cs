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

    public static string Prefix(string name) => new([.. name.Select(c => char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_')]);

    public void Contribute(string fleet, WorkloadSpec workload, IDictionary<string, string> environment)
    {
        foreach (var dependency in workload.Dependencies)
        {
            var prefix = Prefix(dependency.Workload);
            environment.TryAdd(prefix + "_HOST", dependency.Workload);
            foreach (var port in _desired.Current?.Find(dependency.Workload)?.Ports ?? [])
            {
                environment.TryAdd($"{prefix}_PORT_{Prefix(port.Name)}", port.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
