namespace Orchestration.Leadership;

/// <summary>One revision as kept in a <see cref="FleetStateDocument"/>.</summary>
internal sealed record KeptRevision(int Number, string Revision, WorkloadSpec Spec);
