namespace Orchestration.Generators.Model;

/// <summary>A <c>[DependsOn&lt;T&gt;]</c> on a typed workload: the dependency's type, workload name and ports, read from
/// its own attributes, and where the attribute's type argument is written.</summary>
internal sealed record DependencyModel(
    string FullyQualifiedName,
    string WorkloadName,
    string Condition,
    EquatableArray<PortModel> Ports,
    LocationInfo? Location);
