namespace Orchestration;

/// <summary>Names the security setting that most likely made a container fail with a permission error, from what it
/// printed last: a read-only root file system, a capability the profile drops, or the user it runs as.</summary>
internal static class PermissionHints
{
    /// <summary>A sentence to append to the exit reason, or an empty string when the exit shows no permission error.</summary>
    public static string For(WorkloadSpec spec, string exit)
    {
        var security = spec.Security;
        var readOnly = Has(exit, "Read-only file system") || Has(exit, "EROFS");
        var notPermitted = Has(exit, "Operation not permitted") || Has(exit, "EPERM");
        var denied = Has(exit, "Permission denied") || Has(exit, "EACCES");
        if (!readOnly && !notPermitted && !denied)
        {
            return string.Empty;
        }

        if ((security.Profile ?? SecurityProfile.Baseline) == SecurityProfile.Restricted)
        {
            return readOnly
                ? " (likely cause: the Restricted security profile (security.profile) mounts the root file system read-only; mount a tmpfs or a volume where the program writes)"
                : $" (likely cause: the Restricted security profile (security.profile) drops every capability and runs the program as '{security.User}', so it cannot chown, switch user, bind below port 1024 or write where root owns the files; run it under Baseline or give it a configuration for an unprivileged user)";
        }

        if (readOnly)
        {
            return " (likely cause: the root file system is read-only (security.readOnlyRootFilesystem); mount a tmpfs or a volume where the program writes)";
        }

        if (notPermitted)
        {
            return " (likely cause: a capability the Baseline security profile drops (NET_RAW, MKNOD) or no-new-privileges, which stops setuid programs such as su and sudo from gaining privileges; add the capability with security.addCapabilities)";
        }

        return security.User is { } user
            ? $" (likely cause: the process runs as user '{user}' (security.user), which may not own the files it opens)"
            : string.Empty;
    }

    private static bool Has(string text, string marker) => text.Contains(marker, StringComparison.OrdinalIgnoreCase);
}
