using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Orchestration.Reconciliation;
using Orchestration.State;

namespace Orchestration.Services;

/// <summary>Gives dependants the variables that .NET service-defaults apps read, beside <c>{DEP}_HOST</c> and
/// <c>{DEP}_PORT_{PORT}</c>: <c>services__{dep}__{port}__0={scheme}://{dep}:{containerPort}</c> for each port of each
/// dependency (read by Microsoft.Extensions.ServiceDiscovery's configuration provider, so <c>http://dep</c> and
/// <c>http://_port.dep</c> resolve inside the container), and <c>ConnectionStrings__{dep}</c> when the dependency
/// declares <see cref="WorkloadSpec.ConnectionStringFormat"/>. The scheme is the port's name when it is http or https,
/// else tcp. Variables the spec sets itself win.</summary>
internal sealed partial class ServiceDiscoveryVariables : IDependencyEnvironment
{
    private readonly DesiredStateStore _desired;

    public ServiceDiscoveryVariables(DesiredStateStore desired)
    {
        _desired = desired;
    }

    public void Contribute(string fleet, WorkloadSpec workload, IDictionary<string, string> environment)
    {
        foreach (var dependency in workload.Dependencies)
        {
            if (_desired.Current?.Find(dependency.Workload) is not { } spec)
            {
                continue;
            }

            foreach (var port in spec.Ports)
            {
                environment.TryAdd(
                    $"services__{spec.Name}__{port.Name}__0",
                    string.Create(CultureInfo.InvariantCulture, $"{SchemeOf(port)}://{spec.Name}:{port.ContainerPort}"));
            }

            if (spec.ConnectionStringFormat is { } format)
            {
                environment.TryAdd($"ConnectionStrings__{spec.Name}", Format(spec, format));
            }
        }
    }

    /// <summary>Replaces the placeholders of <paramref name="format"/>.</summary>
    /// <exception cref="InvalidOperationException">A placeholder names no port of the workload, or is unknown.</exception>
    public static string Format(WorkloadSpec spec, string format)
    {
        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in Placeholder().Matches(format))
        {
            result.Append(format, last, match.Index - last);
            last = match.Index + match.Length;
            var name = match.Groups["name"].Value;
            var argument = match.Groups["arg"].Success ? match.Groups["arg"].Value : null;
            result.Append((name, argument) switch
            {
                ("host", null) => spec.Name,
                ("port", null) when spec.Ports.Length > 0 => spec.Ports[0].ContainerPort.ToString(CultureInfo.InvariantCulture),
                ("port", { } portName) when spec.Ports.FirstOrDefault(p => p.Name == portName) is { } port => port.ContainerPort.ToString(CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException(
                    $"workloads[\"{spec.Name}\"].connectionStringFormat: '{match.Value}' is not {{host}}, {{port}} or {{port:NAME}} with a port of the workload"),
            });
        }

        result.Append(format, last, format.Length - last);
        return result.ToString();
    }

    private static string SchemeOf(PortSpec port) => port.Name is "http" or "https" ? port.Name : "tcp";

    [GeneratedRegex(@"\{(?<name>[a-z]+)(:(?<arg>[a-z0-9-]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
