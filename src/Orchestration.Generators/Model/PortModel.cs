namespace Orchestration.Generators.Model;

/// <summary>A declared port. <see cref="Protocol"/> is the C# expression of the enum value.</summary>
internal sealed record PortModel(string Name, int ContainerPort, string? Protocol, int? HostPort);
