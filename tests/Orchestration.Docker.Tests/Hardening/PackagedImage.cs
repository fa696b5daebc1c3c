using Docker.DotNet;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Hardening;

/// <summary>The image with nginx and PostgreSQL as Debian's packages install them. A missing image fails the test with
/// the command that builds it; it is never a reason to skip.</summary>
internal static class PackagedImage
{
    public const string Name = "orchestration/debian-packaged:1";

    public static async Task RequireAsync(EngineFixture engine)
    {
        try
        {
            await engine.Engine.Images.InspectImageAsync(Name);
        }
        catch (DockerImageNotFoundException e)
        {
            throw new InvalidOperationException($"The test image {Name} is missing; run `bash eng/server-images.sh` (eng/test.sh does).", e);
        }
    }
}
