namespace Orchestration.DependencyInjection;

/// <summary>A workload added with <c>AddWorkload</c>; applied, with all the others, when the host starts.</summary>
internal sealed record WorkloadRegistration(Action<FleetBuilder> AddTo);
