using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker.Images;

/// <summary>Gets images onto nodes per pull policy, with registry credentials from the options, and builds images
/// from a directory with a Dockerfile (the build context is packed in-process).</summary>
/// <remarks>That a node has an image is remembered for a short while (<see cref="PresenceLifetime"/>), so restarts and
/// scale-ups do not ask the engine again each time; a create that finds the image gone forgets it
/// (<see cref="Forget"/>).</remarks>
/// <remarks>Pulls and builds report progress as <see cref="ImageProgress"/> events through <paramref name="progressEvents"/>
/// (the orchestrator's event stream) when given.</remarks>
internal sealed class ImageService(
    DockerNodes nodes,
    IOptions<DockerRuntimeOptions> options,
    TimeProvider? time = null,
    Action<ImageProgress>? progressEvents = null,
    string? fleet = null)
{
    /// <summary>How long a node is believed to have an image it had.</summary>
    public static readonly TimeSpan PresenceLifetime = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ImageCopier _copier = new(nodes, options);
    private readonly ConcurrentDictionary<(string Node, string Image), DateTimeOffset> _present = new();

    public async Task EnsureAsync(string nodeName, string image, PullPolicy policy, CancellationToken cancellationToken)
    {
        var node = nodes[nodeName];
        if (policy != PullPolicy.Always && KnownPresent(node.Name, image))
        {
            return;
        }

        if (policy != PullPolicy.Always && await ExistsAsync(node, image, cancellationToken).ConfigureAwait(false))
        {
            RememberPresent(node.Name, image);
            return;
        }

        if (policy != PullPolicy.Always && await _copier.TryCopyAsync(node, image, cancellationToken).ConfigureAwait(false))
        {
            RememberPresent(node.Name, image);
            return;
        }

        if (policy == PullPolicy.Never)
        {
            throw new ImageUnavailableException(image, node.Name,
                "it is on no node and the pull policy is Never; build or load it on a node first, or use PullPolicy.IfNotPresent")
            { Permanent = true };
        }

        await PullAsync(node, image, cancellationToken).ConfigureAwait(false);
        RememberPresent(node.Name, image);
    }

    /// <summary>Forgets that the node had the image (a create did not find it).</summary>
    public void Forget(string nodeName, string image) => _present.TryRemove((nodeName, image), out _);

    private bool KnownPresent(string node, string image)
        => _present.TryGetValue((node, image), out var until) && until > _time.GetUtcNow();

    private void RememberPresent(string node, string image) => _present[(node, image)] = _time.GetUtcNow() + PresenceLifetime;

    public async Task<string> BuildAsync(string? nodeName, string contextDirectory, string tag, IReadOnlyDictionary<string, string>? buildArgs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contextDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        if (!File.Exists(Path.Combine(contextDirectory, "Dockerfile")))
        {
            throw new FileNotFoundException($"No Dockerfile in the build context '{contextDirectory}'.", Path.Combine(contextDirectory, "Dockerfile"));
        }

        var node = nodeName is null ? nodes.All[0] : nodes[nodeName];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.BuildTimeout);
        await using var context = new MemoryStream();
        await BuildContext.WriteAsync(contextDirectory, context, deadline.Token).ConfigureAwait(false);
        context.Position = 0;

        var progress = new JsonMessageCollector();
        var tracker = Track(progress, node.Name, tag, ImageOperation.Build);
        tracker?.Start(context.Length);
        try
        {
            var client = await node.GetClientAsync(deadline.Token).ConfigureAwait(false);
            await client.Images.BuildImageFromDockerfileAsync(
                new ImageBuildParameters
                {
                    Tags = [tag],
                    BuildArgs = buildArgs?.ToDictionary(StringComparer.Ordinal),
                    Remove = true,
                    ForceRemove = true,
                },
                context,
                authConfigs: null,
                headers: null,
                (IProgress<JSONMessage>?)tracker ?? progress,
                deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = e is DockerApiException api ? EngineErrors.Message(api) : e.Message;
            tracker?.Complete(reason);
            throw new ImageBuildException(tag, node.Name, reason, progress.Log, e);
        }
        catch (OperationCanceledException)
        {
            tracker?.Complete("cancelled");
            throw;
        }

        tracker?.Complete(progress.Error);
        if (progress.Error is { } error)
        {
            throw new ImageBuildException(tag, node.Name, error, progress.Log);
        }

        var built = await node.CallAsync((c, ct) => c.Images.InspectImageAsync(tag, ct), cancellationToken).ConfigureAwait(false);
        return built.ID;
    }

    private static async Task<bool> ExistsAsync(DockerNode node, string image, CancellationToken cancellationToken)
    {
        try
        {
            await node.CallAsync((c, ct) => c.Images.InspectImageAsync(image, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
            return false;
        }
    }

    private async Task PullAsync(DockerNode node, string image, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(image);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.PullTimeout);
        var progress = new JsonMessageCollector();
        var tracker = Track(progress, node.Name, image, ImageOperation.Pull);
        tracker?.Start();
        try
        {
            var client = await node.GetClientAsync(deadline.Token).ConfigureAwait(false);
            await client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = reference.IsDigest ? image : reference.Repository, Tag = reference.IsDigest ? null : reference.Tag },
                Credentials(reference),
                (IProgress<JSONMessage>?)tracker ?? progress,
                deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            tracker?.Complete($"the pull did not finish within {options.Value.PullTimeout}");
            throw new ImageUnavailableException(image, node.Name, $"the pull did not finish within {options.Value.PullTimeout}", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = e is DockerApiException api ? EngineErrors.Message(api) : e.Message;
            tracker?.Complete(reason);
            throw new ImageUnavailableException(image, node.Name, $"the pull failed: {reason}", e) { Permanent = PullRefusals.IsPermanent(e, reason) };
        }
        catch (OperationCanceledException)
        {
            tracker?.Complete("cancelled");
            throw;
        }

        tracker?.Complete(progress.Error);
        if (progress.Error is { } error)
        {
            throw new ImageUnavailableException(image, node.Name, $"the pull failed: {error}") { Permanent = PullRefusals.IsPermanent(null, error) };
        }
    }

    private ImageProgressTracker? Track(JsonMessageCollector collector, string node, string image, ImageOperation operation)
        => progressEvents is null || fleet is null
            ? null
            : new ImageProgressTracker(collector, progressEvents, _time, fleet, node, image, operation);

    private AuthConfig? Credentials(ImageReference reference)
    {
        var credential = options.Value.RegistryCredentials.FirstOrDefault(c => reference.IsServedBy(c.Registry));
        return credential is null
            ? null
            : new AuthConfig
            {
                ServerAddress = credential.Registry,
                Username = credential.Username,
                Password = credential.Password,
                IdentityToken = credential.IdentityToken,
            };
    }
}
