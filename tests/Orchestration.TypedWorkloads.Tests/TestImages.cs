namespace Orchestration.TypedWorkloads.Tests;

/// <summary>Images of the typed workloads: the offline test image that eng/images.sh builds (httpd on 8080).</summary>
internal static class TestImages
{
    public const string Busybox = "orchestration/busybox:1";
}
