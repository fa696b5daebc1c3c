using System.Linq;

namespace Orchestration.Rules;

/// <summary>The environment variables that carry a dependency's address into a dependant: <c>{DEP}_HOST</c> and
/// <c>{DEP}_PORT_{PORT}</c>, upper case with every other character as '_'. One source, compiled into the library and
/// into the typed-workload generator, which emits the same names as constants.</summary>
internal static class DependencyVariables
{
    /// <summary>"orders-db" becomes "ORDERS_DB".</summary>
    public static string Prefix(string name)
        => new(name.Select(c => char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray());

    /// <summary>The variable with the dependency's host name (its network alias).</summary>
    public static string Host(string workload) => Prefix(workload) + "_HOST";

    /// <summary>The variable with one of the dependency's container ports.</summary>
    public static string Port(string workload, string port) => Prefix(workload) + "_PORT_" + Prefix(port);
}
