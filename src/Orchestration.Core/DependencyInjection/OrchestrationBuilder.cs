namespace Microsoft.Extensions.DependencyInjection;

internal sealed class OrchestrationBuilder(IServiceCollection services) : IOrchestrationBuilder
{
    public IServiceCollection Services { get; } = services;
}
