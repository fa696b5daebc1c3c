namespace Orchestration.Autoscaling.Tests.Engine;

/// <summary>busybox httpd replicas whose <c>/cgi-bin/burn</c> spins the shell for a fixed count before it answers,
/// so the CPU a replica uses grows with the requests it gets.</summary>
internal static class BurnWorkload
{
    public const string Image = "orchestration/busybox:1";

    public const string Path = "/cgi-bin/burn";

    /// <summary>The container command: writes the CGI script, then serves /www.</summary>
    public static string[] Command(int loops = 20000) =>
    [
        "sh", "-c",
        "trap 'exit 0' TERM INT; mkdir -p /www/cgi-bin; "
        + "printf '#!/bin/sh\\ni=0; while [ $i -lt " + loops + " ]; do i=$((i+1)); done\\nprintf \"Content-Type: text/plain\\\\r\\\\n\\\\r\\\\nburnt\\\\n\"\\n' > /www/cgi-bin/burn; "
        + "chmod +x /www/cgi-bin/burn; httpd -f -p 8080 -h /www & wait $!",
    ];
}
