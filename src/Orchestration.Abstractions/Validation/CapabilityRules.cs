using System.Collections.Frozen;

namespace Orchestration;

/// <summary>Linux capability names as the engine takes them: case-insensitive, with or without the <c>CAP_</c>
/// prefix, and only those the engine knows (engine 20.10 knows CAP_CHOWN through CAP_AUDIT_READ; it refuses the
/// newer CAP_PERFMON, CAP_BPF and CAP_CHECKPOINT_RESTORE as unknown). <c>ALL</c> means every one.</summary>
internal static class CapabilityRules
{
    public const string All = "ALL";

    /// <summary>The engine's default set (what a container gets unless told otherwise).</summary>
    public static readonly IReadOnlyList<string> EngineDefaults =
    [
        "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP", "SETPCAP",
        "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE",
    ];

    /// <summary>The engine's defaults less those Kubernetes' baseline and common hardening guides drop: NET_RAW (raw
    /// sockets: spoofing on the fleet network) and MKNOD (device nodes).</summary>
    public static readonly IReadOnlyList<string> Baseline = [.. EngineDefaults.Where(c => c is not ("NET_RAW" or "MKNOD"))];

    /// <summary>What the Restricted profile lets a workload add back, as Kubernetes' restricted profile does.</summary>
    public const string RestrictedAllowed = "NET_BIND_SERVICE";

    private static readonly FrozenSet<string> Known = new[]
    {
        "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP",
        "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER",
        "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE",
        "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP",
        "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The name without prefix, in capitals: "net_admin" and "CAP_NET_ADMIN" are both "NET_ADMIN".</summary>
    public static string Normalize(string capability)
    {
        var upper = capability.Trim().ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper[4..] : upper;
    }

    public static bool IsAll(string capability) => Normalize(capability) == All;

    public static string? Check(string? capability)
    {
        if (string.IsNullOrEmpty(capability) || capability.Trim() != capability)
        {
            return "is not a capability name";
        }

        var name = Normalize(capability);
        return name == All || Known.Contains(name)
            ? null
            : $"is not a capability the engine knows (such as NET_BIND_SERVICE, NET_ADMIN or SYS_PTRACE){Closest(name)}";
    }

    private static string Closest(string name)
    {
        var best = Rules.ClosestName.Find(name, Known);
        return best is null ? string.Empty : $"; did you mean {best}?";
    }
}
