namespace Orchestration;

/// <summary>Lets replicas be placed on nodes carrying a matching taint.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TolerationAttribute : Attribute
{
    /// <summary>Tolerates taints with key <paramref name="key"/>.</summary>
    public TolerationAttribute(string key)
    {
        Key = key;
    }

    /// <summary>Taint key to match.</summary>
    public string Key { get; }

    /// <summary>Taint value to match; any value when not set.</summary>
    public string? Value { get; set; }

    /// <summary>Effect to match; every effect when not set.</summary>
    public TaintEffect Effect { get; set; }
}
