using System.Collections.Concurrent;
using System.Text;
using Docker.DotNet.Models;
using Microsoft.Extensions.Options;
using Orchestration.Runtime.Docker.Client;
using Orchestration.Runtime.Docker.Networks;

namespace Orchestration.Runtime.Docker.Containers;

/// <summary>Lists a fleet's containers on every node and reads their logs.</summary>
internal sealed class ContainerQueries(DockerNodes nodes, FleetNetworks networks, ContainerLifecycle lifecycle, IOptions<DockerRuntimeOptions> options)
{
    private const int InspectParallelism = 8;
    private readonly ConcurrentDictionary<(string Node, string Fleet), IReadOnlyList<ContainerInfo>> _lastListed = new();

    /// <summary>Lists every node. A node that does not answer contributes what it held at its last successful list,
    /// so its replicas are neither forgotten nor reported gone while it is NotReady: the orchestrator's node grace
    /// period decides what happens to them, and the node's next successful list (after it answers again) tells the truth.</summary>
    public async Task<IReadOnlyList<ContainerInfo>> ListAsync(string fleet, CancellationToken cancellationToken)
    {
        var perNode = await Task.WhenAll(nodes.All.Select(n => ListOrLastKnownAsync(n, fleet, cancellationToken))).ConfigureAwait(false);
        return [.. perNode.SelectMany(c => c)];
    }

    private async Task<IReadOnlyList<ContainerInfo>> ListOrLastKnownAsync(DockerNode node, string fleet, CancellationToken cancellationToken)
    {
        try
        {
            var listed = await ListAsync(node, fleet, cancellationToken).ConfigureAwait(false);
            _lastListed[(node.Name, fleet)] = listed;
            return listed;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (nodes.All.Count > 1 && EngineErrors.IsUnreachable(e))
            {
                node.TrySetState(NodeState.NotReady);
                return _lastListed.GetValueOrDefault((node.Name, fleet)) ?? [];
            }

            throw;
        }
    }

    public async Task<IReadOnlyList<string>> GetLogsAsync(ContainerRef container, int tail, CancellationToken cancellationToken)
    {
        var node = nodes[container.Node];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.CallTimeout);
        try
        {
            var client = await node.GetClientAsync(deadline.Token).ConfigureAwait(false);
            using var stream = await client.Containers.GetContainerLogsAsync(
                container.Id,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = Math.Max(0, tail).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                deadline.Token).ConfigureAwait(false);
            var output = new StringBuilder();
            var buffer = new byte[8192];
            var decoder = new UTF8Encoding(false).GetDecoder();
            var chars = new char[buffer.Length];
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, deadline.Token).ConfigureAwait(false);
                if (read.EOF)
                {
                    break;
                }

                var count = decoder.GetChars(buffer, 0, read.Count, chars, 0);
                output.Append(chars, 0, count);
            }

            return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
            return [];
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw EngineErrors.Wrap(node.Name, $"reading logs of container {container}", e);
        }
    }

    private async Task<IReadOnlyList<ContainerInfo>> ListAsync(DockerNode node, string fleet, CancellationToken cancellationToken)
    {
        IList<ContainerListResponse> listed;
        try
        {
            listed = await node.CallAsync(
                (c, ct) => c.Containers.ListContainersAsync(
                    new ContainersListParameters { All = true, Filters = Filters.Label(OrchestrationLabels.Fleet, fleet) }, ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw EngineErrors.Wrap(node.Name, $"listing containers of fleet '{fleet}'", e);
        }

        // The list answer lacks exit codes, times and port bindings by name: inspect each, a few at a time.
        var networkName = networks.NameOf(fleet);
        var results = new List<ContainerInfo>(listed.Count);
        await Parallel.ForEachAsync(
            listed,
            new ParallelOptions { MaxDegreeOfParallelism = InspectParallelism, CancellationToken = cancellationToken },
            async (summary, ct) =>
            {
                try
                {
                    var info = await lifecycle.InspectAsync(node, summary.ID, networkName, ct).ConfigureAwait(false);
                    lock (results)
                    {
                        results.Add(info);
                    }
                }
                catch (Exception e) when (EngineErrors.IsNotFound(e))
                {
                    // Removed between list and inspect.
                }
            }).ConfigureAwait(false);
        return results;
    }
}
