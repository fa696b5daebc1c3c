using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Text;

namespace Orchestration.Values;

/// <summary>The value members of a type, found once per type: its public instance properties that have a setter, public
/// or private (the data it was built from, not what is computed from it, such as an event's <c>Message</c>, nor a switch hidden from
/// editors that only changes how it answers, such as <c>FleetStatus.ThrowOnUnknownWorkload</c>), base type's first, each in
/// declaration order. Two instances of the same type are equal when these are (<see cref="ValueEquality.Values"/>); the
/// text lists them as records print themselves: <c>ReplicaStarted { Workload = web, Node = node1 }</c>.</summary>
internal sealed class ValueShape
{
    private static readonly ConcurrentDictionary<Type, ValueShape> Shapes = new();

    private readonly string _name;
    private readonly PropertyInfo[] _properties;

    private ValueShape(Type type)
    {
        _name = type.Name;
        _properties =
        [
            .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true } && p.SetMethod is not null
                            && p.GetCustomAttribute<EditorBrowsableAttribute>()?.State != EditorBrowsableState.Never)
                .OrderBy(p => Depth(p.DeclaringType!))
                .ThenBy(p => p.MetadataToken),
        ];
    }

    public static ValueShape Of(Type type) => Shapes.GetOrAdd(type, static t => new ValueShape(t));

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/>, both of this shape's type, hold equal values.</summary>
    public bool AreEqual(object left, object right)
    {
        foreach (var property in _properties)
        {
            if (!ValueEquality.Values(property.GetValue(left), property.GetValue(right)))
            {
                return false;
            }
        }

        return true;
    }

    public int HashOf(object value)
    {
        var hash = new HashCode();
        hash.Add(_name);
        foreach (var property in _properties)
        {
            hash.Add(ValueEquality.HashOf(property.GetValue(value)));
        }

        return hash.ToHashCode();
    }

    public string Print(object value)
    {
        var text = new StringBuilder(_name).Append(" { ");
        return (AppendMembers(text, value) ? text.Append(" }") : text.Append('}')).ToString();
    }

    /// <summary>Appends <c>Name = value, …</c> for every value member; whether there was any (a record's
    /// <c>PrintMembers</c>).</summary>
    public bool AppendMembers(StringBuilder text, object value)
    {
        for (var i = 0; i < _properties.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(_properties[i].Name).Append(" = ");
            ValueEquality.Append(text, _properties[i].GetValue(value));
        }

        return _properties.Length > 0;
    }

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }
}
