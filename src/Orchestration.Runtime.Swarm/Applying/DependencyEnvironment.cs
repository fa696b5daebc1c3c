using System.Globalization;
using Orchestration.Rules;

namespace Orchestration.Runtime.Swarm.Applying;

/// <summary>The addresses a dependant gets of its dependencies, the same as on Docker: <c>{DEP}_HOST</c> (the
/// dependency's name, an alias on the fleet's overlay network) and <c>{DEP}_PORT_{PORT}</c>.</summary>
internal static class DependencyEnvironment
{
    public static Dictionary<string, string> For(WorkloadSpec spec, FleetSpec fleet)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dependency in spec.Dependencies)
        {
            environment.TryAdd(DependencyVariables.Host(dependency.Workload), dependency.Workload);
            foreach (var port in fleet.Find(dependency.Workload)?.Ports ?? [])
            {
                environment.TryAdd(DependencyVariables.Port(dependency.Workload, port.Name), port.ContainerPort.ToString(CultureInfo.InvariantCulture));
            }
        }

        return environment;
    }
}
