namespace Orchestration;

/// <summary>Names the security setting that most likely made a container fail with a permission error, from what it
/// printed last: a read-only root file system, a capability the profile drops, or the user it runs as.</summary>
internal static class PermissionHints
{
    /// <summary>A sentence to append to the exit reason, or an empty string when the exit shows no permission error.</summary>
    public static string For(WorkloadSpec spec, string exit)
    {
        var security = spec.Security;
        var profile = security.Profile ?? SecurityProfile.Baseline;
        var restricted = profile == SecurityProfile.Restricted;
        if (Has(exit, "Read-only file system") || Has(exit, "EROFS"))
        {
            return restricted
                ? " (likely cause: the Restricted security profile mounts the root file system read-only (security.profile); mount a tmpfs or a volume where the program writes)"
                : " (likely cause: the root file system is read-only (security.readOnlyRootFilesystem); mount a tmpfs or a volume where the program writes)";
        }

        if (Has(exit, "Operation not permitted") || Has(exit, "EPERM"))
        {
            return restricted
                ? " (likely cause: the Restricted security profile (security.profile) drops every capability and runs no process as root, so the program cannot chown, switch user or bind below port 1024; run it under Baseline or give it a configuration for an unprivileged user)"
                : " (likely cause: a capability the Baseline security profile drops (NET_RAW, MKNOD) or no-new-privileges, which stops setuid programs such as su and sudo from gaining privileges; add the capability with security.addCapabilities)";
        }

        if (Has(exit, "Permission denied") || Has(exit, "EACCES"))
        {
            return security.User is { } user
                ? $" (likely cause: the process runs as user '{user}' (security.user), which may not own the files it opens)"
                : restricted
                    ? " (likely cause: the Restricted security profile (security.profile) runs the process without capabilities as a non-root user)"
                    : string.Empty;
        }

        return string.Empty;
    }

    private static bool Has(string text, string marker) => text.Contains(marker, StringComparison.OrdinalIgnoreCase);
}
