namespace Orchestration.Runtime.Docker;

/// <summary>Builds images on the Docker nodes. Resolve it from the service provider after <c>UseDocker()</c>.</summary>
public sealed class DockerImages
{
    private readonly Images.ImageService _images;

    internal DockerImages(Images.ImageService images) => _images = images;

    /// <summary>Builds an image from <paramref name="contextDirectory"/>, which holds a <c>Dockerfile</c>, and tags it.</summary>
    /// <param name="contextDirectory">The build context: every file under it is sent to the engine, except what its
    /// <c>.dockerignore</c> leaves out (Docker's rules: <c>**</c>, <c>!</c> exceptions, the last matching line wins).</param>
    /// <param name="tag">The tag to give the image, such as "shop/api:dev".</param>
    /// <param name="buildArgs">Values for the Dockerfile's <c>ARG</c>s.</param>
    /// <param name="node">The node to build on; <see langword="null"/> for the first node.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The built image's id.</returns>
    /// <exception cref="ImageBuildException">The build failed; the message carries the daemon's explanation.</exception>
    /// <exception cref="FileNotFoundException">The directory holds no Dockerfile.</exception>
    public Task<string> BuildAsync(
        string contextDirectory,
        string tag,
        IReadOnlyDictionary<string, string>? buildArgs = null,
        string? node = null,
        CancellationToken cancellationToken = default)
        => _images.BuildAsync(node, contextDirectory, tag, buildArgs, cancellationToken);
}
