namespace Orchestration;

/// <summary>What in a spec hands a container the node: privileged mode, the capability ALL, and binds that reach the
/// node's root (the root itself, or through /proc). A runtime allows these only with its privileged opt-in.</summary>
internal static class PrivilegeRules
{
    public static IEnumerable<ValidationProblem> Requests(WorkloadSpec w, string optIn)
    {
        var at = $"workloads[\"{w.Name}\"]";
        if (w.Security.Privileged)
        {
            yield return new($"{at}.security.privileged", "true", $"gives the container control of the node: refused unless {optIn}");
        }

        var caps = w.Security.AddCapabilities.IsDefault ? [] : w.Security.AddCapabilities;
        for (var i = 0; i < caps.Length; i++)
        {
            if (CapabilityRules.IsAll(caps[i]))
            {
                yield return new($"{at}.security.addCapabilities[{i}]", caps[i], $"grants every capability, as good as privileged: refused unless {optIn}");
            }
        }

        foreach (var m in w.Mounts)
        {
            if (m.Kind == MountKind.Bind && m.Source is { Length: > 0 } source && source[0] == '/' && HostPathRules.ReachesHostRoot(source) is { } why)
            {
                yield return new($"{at}.mounts[\"{m.Target}\"].source", source, $"{why}: refused unless {optIn}");
            }
        }
    }
}
