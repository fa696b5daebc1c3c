namespace Orchestration;

/// <summary>Node paths whose bind mount hands a container the node itself: the root directory, and /proc, where
/// every process's <c>root</c> and <c>cwd</c> lead back to the node's file systems. Binding them needs the
/// privileged opt-in.</summary>
internal static class HostPathRules
{
    /// <summary>Why binding <paramref name="source"/> reaches the node's root, or <see langword="null"/>.</summary>
    public static string? ReachesHostRoot(string source)
    {
        var clean = MountRules.Clean(source);
        if (clean == "/")
        {
            return "is the node's root directory";
        }

        var parts = clean.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts[0] != "proc")
        {
            return null;
        }

        // /proc itself, a process's directory (/proc/<pid>, /proc/self, /proc/thread-self) and its root, cwd and
        // task directories (and below) all lead to it; /proc/cpuinfo or /proc/<pid>/status do not.
        if (parts.Length == 1)
        {
            return "is /proc, where every process's root directory leads to the node's";
        }

        var process = parts[1].All(char.IsAsciiDigit) || parts[1] is "self" or "thread-self";
        return process && (parts.Length == 2 || parts[2] is "root" or "cwd" or "task")
            ? "reaches the node's root directory through /proc (a process's root or working directory)"
            : null;
    }
}
