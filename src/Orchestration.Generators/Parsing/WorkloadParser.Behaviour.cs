using System.Linq;
using Microsoft.CodeAnalysis;
using Orchestration.Generators.Model;
using Orchestration.Rules;

namespace Orchestration.Generators.Parsing;

/// <summary>Restart, update, placement and dependencies.</summary>
internal sealed partial class WorkloadParser
{
    private static RestartModel ParseRestart(AttributeReader attribute)
        => new(
            AttributeReader.EnumExpression(attribute.Ctor(0)) ?? "global::Orchestration.RestartMode.Always",
            attribute.NamedDouble("InitialDelaySeconds"),
            attribute.NamedDouble("MaxDelaySeconds"),
            attribute.NamedDouble("ResetAfterSeconds"));

    private static AutoscaleModel ParseAutoscale(AttributeReader attribute)
        => new(
            attribute.CtorInt(0) ?? 1,
            attribute.CtorInt(1) ?? 1,
            attribute.NamedDouble("CpuUtilization"),
            attribute.NamedDouble("MemoryUtilization"),
            attribute.NamedDouble("RequestsPerSecond"),
            attribute.NamedDouble("Connections"),
            attribute.NamedDouble("SyncPeriodSeconds"),
            attribute.NamedDouble("IdleSeconds"),
            attribute.NamedDouble("ScaleUpWindowSeconds"),
            attribute.NamedDouble("ScaleDownWindowSeconds"));

    private UpdateModel ParseRollingUpdate(AttributeReader attribute)
    {
        var (surge, surgePercent) = Budget(attribute, "MaxSurge");
        var (unavailable, unavailablePercent) = Budget(attribute, "MaxUnavailable");
        return new UpdateModel(
            false,
            surge,
            surgePercent,
            unavailable,
            unavailablePercent,
            attribute.NamedDouble("MinReadySeconds"),
            attribute.NamedDouble("ProgressDeadlineSeconds"),
            attribute.NamedEnum("OnFailure"),
            attribute.NamedInt("RevisionHistoryLimit"));
    }

    private (int? Value, bool IsPercent) Budget(AttributeReader attribute, string property)
    {
        var text = attribute.NamedString(property);
        if (text is null)
        {
            return (null, false);
        }

        if (QuantityRules.TryParseIntOrPercent(text, out var value, out var isPercent))
        {
            return (value, isPercent);
        }

        Report(DiagnosticDescriptors.InvalidReplicaBudget, attribute.NamedLocation(property), property, text);
        return (null, false);
    }

    private static TolerationModel ParseToleration(AttributeReader attribute)
        => new(attribute.CtorString(0) ?? string.Empty, attribute.NamedString("Value"), attribute.NamedEnum("Effect"));

    private static void AddAntiAffinity(PlacementParts placement, string? workload, AttributeReader attribute)
    {
        if (workload is null)
        {
            return;
        }

        (attribute.NamedBool("Required") ?? true ? placement.Required : placement.Preferred).Add(workload);
    }

    private void ParseTypedAntiAffinity(PlacementParts placement, AttributeReader attribute)
    {
        if (ReadTypedWorkload(attribute) is { } target)
        {
            AddAntiAffinity(placement, target.Name, attribute);
        }
    }

    private void ParseDependency(AttributeReader attribute)
    {
        if (ReadTypedWorkload(attribute) is not { } target)
        {
            return;
        }

        var fullName = target.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (_dependencies.Any(d => d.FullyQualifiedName == fullName))
        {
            Report(DiagnosticDescriptors.ConflictingAttributes, attribute.TypeArgumentLocation, attribute.Display, attribute.Display, _name,
                "a dependency is declared once");
            return;
        }

        var condition = attribute.NamedEnum("Condition") ?? "global::Orchestration.DependencyCondition.Ready";
        _dependencies.Add(new DependencyModel(fullName, target.Name, condition, target.Ports, attribute.TypeArgumentLocation));
    }

    /// <summary>The workload named by a generic attribute's type argument: its name and ports, read from its own
    /// attributes (in this compilation or a referenced assembly). Reports a type that is not a typed workload.</summary>
    private (INamedTypeSymbol Type, string Name, EquatableArray<PortModel> Ports)? ReadTypedWorkload(AttributeReader attribute)
    {
        if (attribute.Data.AttributeClass is not { TypeArguments.Length: 1 } generic
            || generic.TypeArguments[0] is not INamedTypeSymbol { TypeKind: not TypeKind.Error } target)
        {
            return null;
        }

        string? name = null;
        var ports = new System.Collections.Generic.List<PortModel>();
        foreach (var data in target.GetAttributes())
        {
            switch (AttributeNames.Of(data.AttributeClass))
            {
                case AttributeNames.Workload:
                    name = data.ConstructorArguments.Length > 0 ? data.ConstructorArguments[0].Value as string : null;
                    break;
                case AttributeNames.Port when data.ConstructorArguments.Length == 2:
                    ports.Add(new PortModel(
                        data.ConstructorArguments[0].Value as string ?? string.Empty,
                        data.ConstructorArguments[1].Value is int number ? number : 0,
                        null,
                        null));
                    break;
            }
        }

        if (name is null)
        {
            var display = target.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            Report(DiagnosticDescriptors.NotAWorkload, attribute.TypeArgumentLocation, display, attribute.Display);
            return null;
        }

        return (target, name, ports.ToEquatableArray());
    }
}
