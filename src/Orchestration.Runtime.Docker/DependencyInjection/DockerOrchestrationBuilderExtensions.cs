using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orchestration;
using Orchestration.DependencyInjection;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;
using Orchestration.Runtime.Docker.Client;
using Orchestration.Runtime.Docker.Containers;
using Orchestration.Runtime.Docker.DependencyInjection;
using Orchestration.Runtime.Docker.Events;
using Orchestration.Runtime.Docker.Images;
using Orchestration.Runtime.Docker.Networks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Docker runtime.</summary>
public static class DockerOrchestrationBuilderExtensions
{
    /// <summary>Runs the fleet on Docker engines: each configured engine is a node (one "local" node at
    /// <c>DOCKER_HOST</c> or the default socket when none is configured). Adds the Docker runtime to the
    /// <see cref="IContainerRuntime"/>s the orchestrator drives (once, however often this is called), and <see cref="DockerImages"/> for builds.
    /// The options are validated when the host starts.</summary>
    /// <param name="builder">The orchestration builder.</param>
    /// <param name="configure">Configures the engines, security allowances, credentials and timeouts.</param>
    /// <returns>The same builder.</returns>
    public static IOrchestrationBuilder UseDocker(this IOrchestrationBuilder builder, Action<DockerRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        ValidatedOptions.Add<DockerRuntimeOptions, DockerRuntimeOptionsValidator>(services, configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DockerNodes(Options(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new FleetNetworks(Options(sp)));
        services.TryAddSingleton(sp => new FleetDnsSettings(sp.GetRequiredService<FleetNetworks>(), sp.GetService<Orchestration.Services.IFleetDns>()));
        services.TryAddSingleton(sp => new ContainerLifecycle(sp.GetRequiredService<DockerNodes>(), sp.GetRequiredService<FleetNetworks>(), Options(sp), Logger(sp), sp.GetRequiredService<FleetDnsSettings>()));
        services.TryAddSingleton(sp => new ContainerQueries(sp.GetRequiredService<DockerNodes>(), sp.GetRequiredService<FleetNetworks>(), sp.GetRequiredService<ContainerLifecycle>(), Options(sp)));
        services.TryAddSingleton(sp => new ExecRunner(sp.GetRequiredService<DockerNodes>()));
        services.TryAddSingleton(sp => new ImageService(
            sp.GetRequiredService<DockerNodes>(),
            Options(sp),
            sp.GetRequiredService<TimeProvider>(),
            ProgressEvents(sp),
            sp.GetService<IOptions<OrchestrationOptions>>()?.Value.FleetName));
        services.TryAddSingleton(sp => new FleetEventWatch(
            sp.GetRequiredService<DockerNodes>(),
            Options(sp),
            sp.GetRequiredService<TimeProvider>(),
            Logger(sp),
            new EventContainerReader(sp.GetRequiredService<ContainerLifecycle>(), sp.GetRequiredService<FleetNetworks>())));
        services.TryAddSingleton(sp => new DockerContainerRuntime(
            sp.GetRequiredService<DockerNodes>(),
            sp.GetRequiredService<FleetNetworks>(),
            sp.GetRequiredService<ContainerLifecycle>(),
            sp.GetRequiredService<ContainerQueries>(),
            sp.GetRequiredService<ExecRunner>(),
            sp.GetRequiredService<ImageService>(),
            sp.GetRequiredService<FleetEventWatch>(),
            Options(sp)));
        // Enumerable: the orchestrator drives every registered runtime (Docker beside an in-memory one, say).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContainerRuntime, DockerContainerRuntime>(sp => sp.GetRequiredService<DockerContainerRuntime>()));
        services.TryAddSingleton(sp => new DockerImages(sp.GetRequiredService<ImageService>()));
        return builder;
    }

    /// <summary>Where pulls and builds report progress: the orchestrator's events, when the container can make its
    /// event hub (a container without logging cannot; pulls and builds then report nothing).</summary>
    private static Action<ImageProgress>? ProgressEvents(IServiceProvider services)
        => services.GetService<IServiceProviderIsService>() is { } known
            && known.IsService(typeof(IEventHub)) && known.IsService(typeof(ILoggerFactory))
                ? services.GetRequiredService<IEventHub>().Publish
                : null;

    private static IOptions<DockerRuntimeOptions> Options(IServiceProvider services)
        => services.GetRequiredService<IOptions<DockerRuntimeOptions>>();

    private static ILogger Logger(IServiceProvider services)
        => services.GetService<ILoggerFactory>()?.CreateLogger("Orchestration.Runtime.Docker") ?? NullLogger.Instance;
}
