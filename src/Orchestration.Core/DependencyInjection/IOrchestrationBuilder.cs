namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <see cref="OrchestrationServiceCollectionExtensions.AddOrchestration"/>; runtimes and
/// workloads are added to it with extension methods.</summary>
public interface IOrchestrationBuilder
{
    /// <summary>The service collection the orchestrator is registered in.</summary>
    IServiceCollection Services { get; }
}
