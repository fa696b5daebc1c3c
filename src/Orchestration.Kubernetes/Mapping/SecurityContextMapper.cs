using System.Globalization;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>The SDK's locked-down defaults (no new privileges, every capability dropped) and the workload's
/// additions, as a container security context.</summary>
internal static class SecurityContextMapper
{
    public static V1SecurityContext Map(WorkloadSpec workload, ExportContext context)
    {
        var security = workload.Security;
        var result = new V1SecurityContext
        {
            // Kubernetes refuses allowPrivilegeEscalation: false on a privileged container.
            AllowPrivilegeEscalation = security.Privileged ? null : false,
            Privileged = security.Privileged ? true : null,
            ReadOnlyRootFilesystem = security.ReadOnlyRootFilesystem ? true : null,
            Capabilities = new V1Capabilities
            {
                Drop = ["ALL"],
                Add = security.AddCapabilities.IsEmpty ? null : [.. security.AddCapabilities.Select(Capability)],
            },
        };

        if (security.User is { } user)
        {
            MapUser(user, result, workload, context);
        }

        return result;
    }

    /// <summary>Kubernetes names capabilities without the "CAP_" prefix.</summary>
    public static string Capability(string name)
        => name.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;

    private static void MapUser(string user, V1SecurityContext result, WorkloadSpec workload, ExportContext context)
    {
        var colon = user.IndexOf(':');
        var uidText = colon < 0 ? user : user[..colon];
        var gidText = colon < 0 ? null : user[(colon + 1)..];
        var uid = Id(uidText);
        var gid = gidText is null ? null : Id(gidText);
        if (uid is not null)
        {
            result.RunAsUser = uid;
        }

        if (gid is not null)
        {
            result.RunAsGroup = gid;
        }

        if (uid is null || (gidText is not null && gid is null))
        {
            context.Warn(
                $"{ExportContext.PathOf(workload)}.security.user",
                $"is '{user}'; Kubernetes takes only numeric ids (runAsUser, runAsGroup), so the name{(uid is null ? string.Empty : " of the group")} is not carried over: the image's user applies unless you set the id");
        }
    }

    private static long? Id(string text)
    {
        if (string.Equals(text, "root", StringComparison.Ordinal))
        {
            return 0;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
