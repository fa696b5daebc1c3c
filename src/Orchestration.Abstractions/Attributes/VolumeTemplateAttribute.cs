namespace Orchestration;

/// <summary>Declares a per-replica volume of a stateful set (a workload declared with
/// <c>Kind = WorkloadKind.StatefulSet</c>): created once for each ordinal, mounted at <see cref="Target"/> and kept
/// across restarts, rollouts and scaling as <see cref="StatefulSetAttribute"/> says.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class VolumeTemplateAttribute : Attribute
{
    /// <summary>Declares volume template <paramref name="name"/> mounted at <paramref name="target"/>.</summary>
    /// <param name="name">Template name: a DNS label, unique within the workload.</param>
    /// <param name="target">Absolute path inside the container, unique within the workload.</param>
    public VolumeTemplateAttribute(string name, string target)
    {
        Name = name;
        Target = target;
    }

    /// <summary>Template name: a DNS label (lowercase letters, digits and '-', at most 63 characters).</summary>
    public string Name { get; }

    /// <summary>Absolute path inside the container.</summary>
    public string Target { get; }

    /// <summary>Whether the container may only read the volume.</summary>
    public bool ReadOnly { get; set; }
}
