using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Orchestration.Generators.Model;
using Orchestration.Rules;

namespace Orchestration.Generators.Parsing;

/// <summary>Ports, environment, secrets, labels, resources and probes.</summary>
internal sealed partial class WorkloadParser
{
    private const string TcpProtocol = "Tcp";

    private void ParsePort(AttributeReader attribute)
    {
        var name = attribute.CtorString(0) ?? string.Empty;
        var number = attribute.CtorInt(1) ?? 0;
        var protocol = attribute.NamedEnum("Protocol");
        var protocolName = attribute.TryNamed("Protocol", out var p) ? AttributeReader.EnumMemberName(p) ?? TcpProtocol : TcpProtocol;
        var hostPort = attribute.NamedInt("HostPort");
        if (!NameRules.IsPortName(name))
        {
            Report(DiagnosticDescriptors.InvalidPort, attribute.CtorLocation(0), $"Port name '{name}'", _name,
                "a port name is 1-15 lowercase letters, digits or '-', starting and ending with a letter or digit");
        }
        else if (_ports.Any(existing => existing.Name == name))
        {
            Report(DiagnosticDescriptors.DuplicatePort, attribute.CtorLocation(0), $"Port name '{name}'", _name);
        }

        if (number is < 1 or > 65535)
        {
            Report(DiagnosticDescriptors.InvalidPort, attribute.CtorLocation(1), $"Container port {Text(number)} of port '{name}'", _name,
                "it must be between 1 and 65535");
        }
        else if (_ports.Any(existing => existing.ContainerPort == number && ProtocolName(existing) == protocolName))
        {
            Report(DiagnosticDescriptors.DuplicatePort, attribute.CtorLocation(1), $"Container port {Text(number)}/{protocolName.ToLowerInvariant()}", _name);
        }

        if (hostPort is { } host && host is < 1 or > 65535)
        {
            Report(DiagnosticDescriptors.InvalidPort, attribute.NamedLocation("HostPort"), $"Host port {Text(host)} of port '{name}'", _name,
                "it must be between 1 and 65535");
        }

        _ports.Add(new PortModel(name, number, protocol, hostPort));
    }

    private static string ProtocolName(PortModel port)
        => port.Protocol is null ? TcpProtocol : port.Protocol.Substring(port.Protocol.LastIndexOf('.') + 1);

    private void ParseEnv(AttributeReader attribute) => ParseVariable(attribute, _environment);

    private void ParseSecret(AttributeReader attribute) => ParseVariable(attribute, _secrets);

    /// <summary>Adds a <c>[SecretFile]</c>: the secret's name and its path, <c>/run/secrets/{name}</c> unless given.
    /// The path rules are checked when the spec is validated.</summary>
    private void ParseSecretFile(AttributeReader attribute)
    {
        var name = attribute.CtorString(0) ?? string.Empty;
        _secretFiles.Add(new NameValue(name, attribute.NamedString("Path") ?? "/run/secrets/" + name));
    }

    /// <summary>Adds the name/value pair of an <c>[Env]</c> or <c>[Secret]</c> attribute to <paramref name="target"/>,
    /// unless the name is invalid or already taken (both reported).</summary>
    private void ParseVariable(AttributeReader attribute, List<NameValue> target)
    {
        var name = attribute.CtorString(0) ?? string.Empty;
        if (!NameRules.IsEnvironmentName(name))
        {
            Report(DiagnosticDescriptors.InvalidEnvironmentVariable, attribute.CtorLocation(0), name);
            return;
        }

        if (IsVariableTaken(name, attribute))
        {
            return;
        }

        target.Add(new NameValue(name, attribute.CtorString(1) ?? string.Empty));
    }

    /// <summary>Reports a variable set twice, by <c>[Env]</c> or <c>[Secret]</c>.</summary>
    private bool IsVariableTaken(string name, AttributeReader attribute)
    {
        var earlier = _environment.Any(e => e.Name == name) ? "[Env]" : _secrets.Any(s => s.Name == name) ? "[Secret]" : null;
        if (earlier is null)
        {
            return false;
        }

        Report(DiagnosticDescriptors.ConflictingAttributes, attribute.CtorLocation(0), $"{attribute.Display}(\"{name}\")", $"{earlier}(\"{name}\")",
            _name, "an environment variable is set once, either plainly or from a secret");
        return true;
    }

    /// <summary>Adds a key and value (label, node selector) unless the key was set before, which is reported.</summary>
    private void AddUnique(List<NameValue> entries, AttributeReader attribute, string reason)
    {
        var key = attribute.CtorString(0) ?? string.Empty;
        if (entries.Any(e => e.Name == key))
        {
            Report(DiagnosticDescriptors.ConflictingAttributes, attribute.CtorLocation(0), $"{attribute.Display}(\"{key}\")", $"{attribute.Display}(\"{key}\")",
                _name, reason);
            return;
        }

        entries.Add(new NameValue(key, attribute.CtorString(1) ?? string.Empty));
    }

    private ResourcesModel ParseResources(AttributeReader attribute)
        => new(
            Quantity(attribute, "Cpu", cpu: true),
            Quantity(attribute, "CpuLimit", cpu: true),
            Quantity(attribute, "Memory", cpu: false),
            Quantity(attribute, "MemoryLimit", cpu: false),
            attribute.NamedLong("PidsLimit"));

    private long? Quantity(AttributeReader attribute, string property, bool cpu)
    {
        var text = attribute.NamedString(property);
        if (text is null)
        {
            return null;
        }

        var ok = cpu ? QuantityRules.TryParseCpuMillicores(text, out var value) : QuantityRules.TryParseBytes(text, out value);
        if (ok)
        {
            return value;
        }

        Report(DiagnosticDescriptors.InvalidQuantity, attribute.NamedLocation(property), text, cpu ? "CPU" : "memory",
            cpu ? QuantityRules.CpuHint : QuantityRules.MemoryHint);
        return null;
    }

    private void ParseProbe(AttributeReader attribute)
    {
        var target = AttributeReader.EnumMemberName(attribute.Ctor(0)) ?? "Readiness";
        var kind = AttributeNames.Of(attribute.Data.AttributeClass) switch
        {
            AttributeNames.HttpProbe => "Http",
            AttributeNames.TcpProbe => "Tcp",
            _ => "Exec",
        };
        string? port = null;
        string? path = null;
        LocationInfo? portLocation = null;
        var portImplied = false;
        var command = EquatableArray<string>.Empty;
        switch (kind)
        {
            case "Http":
                path = attribute.CtorString(1);
                if (attribute.NamedArgument("Port") is { } portArgument)
                {
                    port = PortReference(attribute.NamedString("Port"), portArgument);
                    portLocation = attribute.NamedLocation("Port");
                }
                else
                {
                    // The default the run time applies too; a missing 'http' port is reported as the default's problem.
                    port = "http";
                    portLocation = attribute.Location;
                    portImplied = true;
                }

                break;
            case "Tcp":
                port = PortReference(attribute.CtorString(1), attribute.CtorArgument(1));
                portLocation = attribute.CtorLocation(1);
                break;
            default:
                command = attribute.CtorStrings(1).ToEquatableArray();
                break;
        }

        var probe = new ProbeModel(
            target,
            kind,
            port,
            path,
            command,
            attribute.NamedDouble("InitialDelaySeconds"),
            attribute.NamedDouble("PeriodSeconds"),
            attribute.NamedDouble("TimeoutSeconds"),
            attribute.NamedInt("SuccessThreshold"),
            attribute.NamedInt("FailureThreshold"));
        var existing = _probes.FirstOrDefault(x => x.Target == target);
        if (existing is not null)
        {
            Report(DiagnosticDescriptors.ConflictingAttributes, attribute.Location, $"{attribute.Display}({target})", $"[{existing.Kind}Probe]({target})",
                _name, $"a workload has one {target.ToLowerInvariant()} probe");
            return;
        }

        _probes.Add(probe);
        if (kind != "Exec")
        {
            _portProbes.Add((probe, portLocation, portImplied));
        }
    }

    /// <summary>The port a probe names. A constant of the class's own generated <c>Ports</c> class, such as
    /// <c>Ports.Http</c>, has no value yet while the generator runs: it is matched to the declared port it will name.</summary>
    private string? PortReference(string? value, AttributeArgumentSyntax? argument)
    {
        if (value is not null || argument?.Expression is not MemberAccessExpressionSyntax access)
        {
            return value;
        }

        var isPortsClass = access.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "Ports",
            MemberAccessExpressionSyntax outer => outer.Name.Identifier.ValueText == "Ports",
            _ => false,
        };
        var constant = access.Name.Identifier.ValueText;
        return isPortsClass ? _ports.FirstOrDefault(p => Emitting.CSharp.Pascal(p.Name) == constant)?.Name : null;
    }

    /// <summary>Once every port is known: HTTP and TCP probes must target a declared port.</summary>
    private void CheckProbePorts()
    {
        foreach (var (probe, location, implied) in _portProbes)
        {
            // A port that is no constant at all is the compiler's to report.
            if (probe.Port is null || _ports.Any(p => p.Name == probe.Port))
            {
                continue;
            }

            var declared = _ports.Count == 0 ? "none" : string.Join(", ", _ports.Select(p => "'" + p.Name + "'"));
            if (implied)
            {
                Report(DiagnosticDescriptors.HttpProbeWithoutPort, location, probe.Target.ToLowerInvariant(), _name, declared);
            }
            else
            {
                Report(DiagnosticDescriptors.ProbeOnUnknownPort, location, probe.Target.ToLowerInvariant(), _name, probe.Port, declared);
            }
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
