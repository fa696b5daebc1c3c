using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestration.Health;
using Orchestration.InMemory;
using Orchestration.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the in-memory runtime.</summary>
public static class InMemoryRuntimeBuilderExtensions
{
    /// <summary>Runs the fleet on simulated nodes: <c>UseInMemoryRuntime(o =&gt; o.AddNode("n1").AddNode("n2"))</c>.
    /// The <see cref="InMemoryRuntime"/> is registered too, to inject faults.</summary>
    public static IOrchestrationBuilder UseInMemoryRuntime(this IOrchestrationBuilder builder, Action<InMemoryRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new InMemoryRuntimeOptions();
        configure?.Invoke(options);
        builder.Services.TryAddSingleton(sp => new InMemoryRuntime(sp.GetRequiredService<TimeProvider>(), options));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IContainerRuntime, InMemoryRuntime>(sp => sp.GetRequiredService<InMemoryRuntime>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProbeTransport, InMemoryProbeTransport>());
        return builder;
    }
}
