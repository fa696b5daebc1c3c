namespace Orchestration;

/// <summary>Placement, mounts, labels and security.</summary>
public sealed partial class WorkloadBuilder
{
    /// <summary>Requires nodes to carry the label <paramref name="key"/>=<paramref name="value"/>.</summary>
    public WorkloadBuilder NodeSelector(string key, string value)
        => Set(s => s with { Placement = s.Placement with { NodeSelector = s.Placement.NodeSelector.SetItem(key, value) } });

    /// <summary>Tolerates node taints with <paramref name="key"/> (and the value and effect, when given).</summary>
    public WorkloadBuilder Tolerate(string key, string? value = null, TaintEffect? effect = null)
        => Set(s => s with { Placement = s.Placement with { Tolerations = s.Placement.Tolerations.Add(new Toleration(key, value, effect)) } });

    /// <summary>Keeps replicas off nodes that run replicas of <paramref name="workload"/> (its own name: one per node):
    /// always when <paramref name="required"/>, else when another node fits.</summary>
    public WorkloadBuilder AntiAffinity(string workload, bool required = true)
        => Set(s => s with
        {
            Placement = required
                ? s.Placement with { RequiredAntiAffinity = s.Placement.RequiredAntiAffinity.Add(workload) }
                : s.Placement with { PreferredAntiAffinity = s.Placement.PreferredAntiAffinity.Add(workload) },
        });

    /// <summary>Sets how the scheduler scores nodes, and optionally a hard limit on the spread's skew.</summary>
    public WorkloadBuilder Placement(PlacementStrategy strategy, int? maxSkew = null)
        => Set(s => s with { Placement = s.Placement with { Strategy = strategy, MaxSkew = maxSkew ?? s.Placement.MaxSkew } });

    /// <summary>Mounts the named volume, created on first use.</summary>
    public WorkloadBuilder Volume(string name, string target, bool readOnly = false)
        => Set(s => s with { Mounts = s.Mounts.Add(new MountSpec(MountKind.Volume, name, target, readOnly)) });

    /// <summary>Mounts a path of the node.</summary>
    public WorkloadBuilder Bind(string source, string target, bool readOnly = false)
        => Set(s => s with { Mounts = s.Mounts.Add(new MountSpec(MountKind.Bind, source, target, readOnly)) });

    /// <summary>Mounts an in-memory file system.</summary>
    public WorkloadBuilder Tmpfs(string target)
        => Set(s => s with { Mounts = s.Mounts.Add(new MountSpec(MountKind.Tmpfs, null, target)) });

    /// <summary>Puts a label on every container of the workload.</summary>
    public WorkloadBuilder Label(string key, string value) => Set(s => s with { Labels = s.Labels.SetItem(key, value) });

    /// <summary>Adds a Linux capability to those of the security profile.</summary>
    public WorkloadBuilder AddCapability(string capability)
        => Set(s => s with { Security = s.Security with { AddCapabilities = s.Security.AddCapabilities.Add(capability) } });

    /// <summary>Asks for privileged mode; the runtime refuses it unless its options allow it.</summary>
    public WorkloadBuilder Privileged() => Set(s => s with { Security = s.Security with { Privileged = true } });

    /// <summary>Asks to share the node's network namespace; the runtime refuses it unless its options allow it.</summary>
    public WorkloadBuilder HostNetwork() => Set(s => s with { Security = s.Security with { HostNetwork = true } });

    /// <summary>Mounts the root file system read-only.</summary>
    public WorkloadBuilder ReadOnlyRootFilesystem() => Set(s => s with { Security = s.Security with { ReadOnlyRootFilesystem = true } });

    /// <summary>Runs the process as <paramref name="user"/> (name or uid[:gid]).</summary>
    public WorkloadBuilder User(string user) => Set(s => s with { Security = s.Security with { User = user } });

    /// <summary>Runs the workload under <paramref name="profile"/> instead of the fleet's.</summary>
    public WorkloadBuilder SecurityProfile(SecurityProfile profile) => Set(s => s with { Security = s.Security with { Profile = profile } });
}
