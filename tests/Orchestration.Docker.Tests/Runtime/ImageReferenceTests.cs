using Orchestration.Runtime.Docker.Images;

namespace Orchestration.Docker.Tests.Runtime;

/// <summary>Image references split into what a pull sends: repository, tag or digest, and registry.</summary>
public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("redis", "redis", "latest", false, "docker.io")]
    [InlineData("redis:7", "redis", "7", false, "docker.io")]
    [InlineData("registry.example:5000/team/api:1.2", "registry.example:5000/team/api", "1.2", false, "registry.example:5000")]
    [InlineData("registry.example:5000/team/api", "registry.example:5000/team/api", "latest", false, "registry.example:5000")]
    [InlineData("ghcr.io/a/b@sha256:0123456789abcdef0123456789abcdef", "ghcr.io/a/b", "sha256:0123456789abcdef0123456789abcdef", true, "ghcr.io")]
    [InlineData("redis:7@sha256:0123456789abcdef0123456789abcdef", "redis", "sha256:0123456789abcdef0123456789abcdef", true, "docker.io")]
    [InlineData("localhost:5000/x:1@sha256:0123456789abcdef0123456789abcdef", "localhost:5000/x", "sha256:0123456789abcdef0123456789abcdef", true, "localhost:5000")]
    public void Splits_repository_tag_and_registry(string image, string repository, string tag, bool isDigest, string registry)
        => Assert.Equal(new ImageReference(repository, tag, isDigest, registry), ImageReference.Parse(image));
}
