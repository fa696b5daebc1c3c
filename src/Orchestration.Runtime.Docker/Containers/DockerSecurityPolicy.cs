namespace Orchestration.Runtime.Docker.Containers;

/// <summary>What the Docker runtime refuses to run unless its options allow it: privileged mode, the capability ALL and
/// binds reaching the node's root (<see cref="PrivilegeRules"/>, allowed by AllowPrivileged), the node's network or
/// process namespace, and bind mounts that expose the Docker socket (which would hand the container the engine).</summary>
internal static class DockerSecurityPolicy
{
    private static readonly string[] SocketPaths = ["/var/run/docker.sock", "/run/docker.sock"];

    public static void Validate(WorkloadSpec spec, DockerRuntimeOptions options, ICollection<ValidationProblem> problems)
    {
        var at = $"workloads[\"{spec.Name}\"]";
        var security = spec.Security;
        if (!options.AllowPrivileged)
        {
            foreach (var problem in PrivilegeRules.Requests(spec, "DockerRuntimeOptions.AllowPrivileged is true"))
            {
                problems.Add(problem);
            }
        }

        if (security.HostNetwork && !options.AllowHostNetwork)
        {
            problems.Add(new($"{at}.security.hostNetwork", "true", "is refused by the Docker runtime: set DockerRuntimeOptions.AllowHostNetwork to share the node's network namespace"));
        }

        if (security.HostPid && !options.AllowHostPid)
        {
            problems.Add(new($"{at}.security.hostPid", "true", "is refused by the Docker runtime: set DockerRuntimeOptions.AllowHostPid to share the node's process namespace"));
        }

        for (var i = 0; i < spec.Mounts.Length; i++)
        {
            var mount = spec.Mounts[i];
            if (mount.Kind != MountKind.Bind)
            {
                continue;
            }

            var path = $"{at}.mounts[\"{mount.Target}\"].source";
            if (string.IsNullOrWhiteSpace(mount.Source) || !mount.Source.StartsWith('/'))
            {
                problems.Add(new(path, mount.Source, "must be an absolute path on the node for a bind mount"));
            }
            else if (ExposesDockerSocket(mount.Source) && !options.AllowDockerSocketMount)
            {
                problems.Add(new(path, mount.Source, "exposes the Docker socket, which gives the container control of the engine: refused unless DockerRuntimeOptions.AllowDockerSocketMount is true"));
            }
        }
    }

    /// <summary>Whether binding <paramref name="source"/> puts the Docker socket inside the container: the socket
    /// itself, any file named docker.sock, or a directory that contains the socket (such as /var/run or /).</summary>
    internal static bool ExposesDockerSocket(string source)
    {
        var normalized = "/" + string.Join('/', source.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "."));
        if (normalized.EndsWith("/docker.sock", StringComparison.Ordinal))
        {
            return true;
        }

        var directory = normalized == "/" ? "/" : normalized + "/";
        return SocketPaths.Any(socket => socket.StartsWith(directory, StringComparison.Ordinal));
    }
}
