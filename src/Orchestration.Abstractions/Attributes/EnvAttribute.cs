namespace Orchestration;

/// <summary>Sets a plain environment variable of the workload's containers.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class EnvAttribute : Attribute
{
    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/>.</summary>
    public EnvAttribute(string name, string value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>Variable name.</summary>
    public string Name { get; }

    /// <summary>Variable value.</summary>
    public string Value { get; }
}
