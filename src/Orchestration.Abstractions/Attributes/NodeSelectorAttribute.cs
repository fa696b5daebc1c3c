namespace Orchestration;

/// <summary>Requires nodes to carry a label to take a replica.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class NodeSelectorAttribute : Attribute
{
    /// <summary>Requires the node label <paramref name="key"/>=<paramref name="value"/>.</summary>
    public NodeSelectorAttribute(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>Node label key.</summary>
    public string Key { get; }

    /// <summary>Node label value.</summary>
    public string Value { get; }
}
