using System.Collections.Concurrent;
using Docker.DotNet.Models;
using Microsoft.Extensions.Options;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker.Images;

/// <summary>Copies an image a node lacks from another node that has it (an image built on one engine, or loaded
/// there): the source engine's save stream is fed straight into the target engine's load, without a registry and
/// without a file in between.</summary>
internal sealed class ImageCopier(DockerNodes nodes, IOptions<DockerRuntimeOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Copies <paramref name="image"/> onto <paramref name="target"/> from the first other Ready node that has
    /// it; returns whether one had it and the copy succeeded.</summary>
    public async Task<bool> TryCopyAsync(DockerNode target, string image, CancellationToken cancellationToken)
    {
        // One copy per target node at a time: replicas placed together there wait for the first copy, then find it.
        var gate = _gates.GetOrAdd(target.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await HasAsync(target, image, cancellationToken).ConfigureAwait(false)
                || await CopyFromAnyAsync(target, image, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<bool> CopyFromAnyAsync(DockerNode target, string image, CancellationToken cancellationToken)
    {
        foreach (var source in nodes.All)
        {
            if (ReferenceEquals(source, target) || source.State != NodeState.Ready || !await HasAsync(source, image, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await CopyAsync(source, target, image, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private static async Task<bool> HasAsync(DockerNode node, string image, CancellationToken cancellationToken)
    {
        try
        {
            await node.CallAsync((c, ct) => c.Images.InspectImageAsync(image, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not there, or the node does not answer: either way it is no source.
            return false;
        }
    }

    private async Task CopyAsync(DockerNode source, DockerNode target, string image, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.PullTimeout);
        var progress = new JsonMessageCollector();
        try
        {
            var from = await source.GetClientAsync(deadline.Token).ConfigureAwait(false);
            var to = await target.GetClientAsync(deadline.Token).ConfigureAwait(false);
            await using var saved = await from.Images.SaveImageAsync(image, deadline.Token).ConfigureAwait(false);
            await to.Images.LoadImageAsync(new ImageLoadParameters { Quiet = true }, saved, progress, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ImageUnavailableException(image, target.Name, $"copying it from node '{source.Name}' did not finish within {options.Value.PullTimeout}", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ImageUnavailableException(image, target.Name, $"copying it from node '{source.Name}' failed: {e.Message}", e);
        }

        if (progress.Error is { } error)
        {
            throw new ImageUnavailableException(image, target.Name, $"copying it from node '{source.Name}' failed: {error}");
        }
    }
}
