namespace Orchestration.Runtime;

/// <summary>A pool of nodes that can run containers: Docker engines, or the in-memory simulation. A runtime knows
/// nothing of replicas or rollouts; it starts containers from resolved launches, reports what exists by ownership
/// labels and streams what changes.</summary>
public interface IContainerRuntime
{
    /// <summary>The nodes this runtime offers, with their state and capacity.</summary>
    Task<IReadOnlyList<NodeInfo>> GetNodesAsync(CancellationToken cancellationToken);

    /// <summary>Every container carrying the fleet label <paramref name="fleet"/>, on every node.</summary>
    Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(string fleet, CancellationToken cancellationToken);

    /// <summary>Changes to the fleet's containers and to the nodes, until cancelled: every change from the enumerator's
    /// first <c>MoveNextAsync</c> on, which the orchestrator calls before it lists. The stream survives node restarts;
    /// after a gap it emits <see cref="RuntimeEventKind.Resync"/> so the reader lists again.</summary>
    IAsyncEnumerable<RuntimeEvent> WatchAsync(string fleet, CancellationToken cancellationToken);

    /// <summary>Reports, without side effects, what in <paramref name="spec"/> this runtime refuses to run
    /// (for example privileged mode that its options do not allow).</summary>
    void Validate(WorkloadSpec spec, ICollection<ValidationProblem> problems);

    /// <summary>Creates what a fleet shares on every node, such as its network. Idempotent.</summary>
    Task PrepareFleetAsync(string fleet, CancellationToken cancellationToken);

    /// <summary>Makes sure <paramref name="launch"/>'s image is on its node, per its pull policy.</summary>
    /// <exception cref="ImageUnavailableException">The image is missing and cannot be had.</exception>
    Task EnsureImageAsync(ContainerLaunch launch, CancellationToken cancellationToken);

    /// <summary>Creates and starts a container on <see cref="ContainerLaunch.Node"/>.</summary>
    Task<ContainerInfo> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken);

    /// <summary>Stops a container: the stop signal, then a kill after <paramref name="gracePeriod"/>.</summary>
    Task StopAsync(ContainerRef container, TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>Removes a container, stopping it first by force if it still runs. Missing containers are ignored.</summary>
    Task RemoveAsync(ContainerRef container, CancellationToken cancellationToken);

    /// <summary>Runs a command inside a running container. Returns when it exits or when <paramref name="timeout"/>
    /// passes, whichever is first.</summary>
    Task<ExecResult> ExecAsync(ContainerRef container, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="tail"/> lines a container wrote to stdout and stderr.</summary>
    Task<IReadOnlyList<string>> GetLogsAsync(ContainerRef container, int tail, CancellationToken cancellationToken);

    /// <summary>Removes a named volume from <paramref name="node"/>. A missing volume is ignored.</summary>
    Task RemoveVolumeAsync(string node, string volume, CancellationToken cancellationToken);

    /// <summary>What a container writes to stdout and stderr, line by line: its last <paramref name="tail"/> lines (all of them when negative), then
    /// each new line as it is written, until the container ends or <paramref name="cancellationToken"/> is cancelled.
    /// A runtime that cannot stream gives the last <paramref name="tail"/> lines once (<see cref="GetLogsAsync"/>).</summary>
    async IAsyncEnumerable<string> FollowLogsAsync(ContainerRef container, int tail, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var line in await GetLogsAsync(container, tail < 0 ? int.MaxValue : tail, cancellationToken).ConfigureAwait(false))
        {
            yield return line;
        }
    }

    /// <summary>A container's resource use, a sample as the engine produces one (about every second on Docker), from one
    /// stream per container rather than a request per sample, until the container ends or
    /// <paramref name="cancellationToken"/> is cancelled. A runtime that has no statistics yields nothing.</summary>
    async IAsyncEnumerable<ContainerStats> StreamStatsAsync(ContainerRef container, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    /// <summary>Removes what <see cref="PrepareFleetAsync"/> created, once the fleet has no containers left.</summary>
    Task DeleteFleetAsync(string fleet, CancellationToken cancellationToken);
}
