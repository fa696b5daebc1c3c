namespace Orchestration.Generators.Model;

/// <summary>The restart policy; <see cref="Mode"/> is the C# expression of the enum value.</summary>
internal sealed record RestartModel(string Mode, double? InitialDelaySeconds, double? MaxDelaySeconds, double? ResetAfterSeconds);
