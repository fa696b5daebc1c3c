namespace Orchestration;

/// <summary>Puts a label on every container of the workload.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LabelAttribute : Attribute
{
    /// <summary>Sets label <paramref name="key"/> to <paramref name="value"/>.</summary>
    public LabelAttribute(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>Label key; keys under "io.orchestration." are reserved.</summary>
    public string Key { get; }

    /// <summary>Label value.</summary>
    public string Value { get; }
}
