using System.Net;
using Docker.DotNet;

namespace Orchestration.Runtime.Docker.Images;

/// <summary>Pull failures that another try cannot fix: the registry says the image or tag does not exist, or that the
/// credentials may not pull it, or the engine refuses the reference. A timeout, a connection error or a 5xx answer
/// is not one of them.</summary>
internal static class PullRefusals
{
    private static readonly string[] Markers =
    [
        "not found", "manifest unknown", "unauthorized", "denied", "authentication required", "invalid reference format",
        "repository does not exist", "no such image",
    ];

    public static bool IsPermanent(Exception? error, string reason)
    {
        if (error is DockerApiException api && api.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
        {
            return true;
        }

        return Markers.Any(m => reason.Contains(m, StringComparison.OrdinalIgnoreCase));
    }
}
