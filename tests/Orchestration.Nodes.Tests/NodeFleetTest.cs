using Orchestration.TestSupport;

namespace Orchestration.Nodes.Tests;

/// <summary>A test class that runs one fleet on the three engines: a fresh fleet name per test, a short node grace
/// period, and everything of the fleet removed from every engine afterwards.</summary>
public abstract class NodeFleetTest : IAsyncLifetime
{
    /// <summary>How long a node may stay NotReady before its replicas move.</summary>
    protected static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>The fleet's name, unique per test.</summary>
    protected string Fleet { get; } = $"n{Guid.NewGuid():N}"[..12];

    /// <summary>The running host, once <see cref="StartAsync"/> was called.</summary>
    protected OrchestratorHost? Host { get; private set; }

    /// <summary>Starts a host orchestrating <paramref name="workloads"/> across the engines.</summary>
    protected async Task<OrchestratorHost> StartAsync(params WorkloadSpec[] workloads)
        => Host = await NodeHost.StartAsync(Fleet, Grace, ConfigureDocker, workloads);

    /// <summary>The engines the host uses: by default the three nodes of <see cref="NodesFixture"/>.</summary>
    protected virtual void ConfigureDocker(Runtime.Docker.DockerRuntimeOptions options) => NodesFixture.Configure(options);

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await NodesFixture.RemoveFleetAsync(Fleet);
    }
}
