using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Orchestration.Values;

/// <summary>Equality, hash codes and text of values that hold collections: sequences compare item by item, dictionaries
/// entry by entry whatever their order, and a default <see cref="ImmutableArray{T}"/> counts as empty. Specs use the
/// typed methods in their hand-written <c>Equals</c>; events and snapshots use the untyped ones through
/// <see cref="ValueShape"/>.</summary>
internal static class ValueEquality
{
    private static readonly ConcurrentDictionary<Type, Func<object, bool>?> DefaultArrayChecks = new();

    public static bool Sequence<T>(ImmutableArray<T> left, ImmutableArray<T> right)
    {
        if (left.IsDefaultOrEmpty || right.IsDefaultOrEmpty)
        {
            return left.IsDefaultOrEmpty && right.IsDefaultOrEmpty;
        }

        if (left.Length != right.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static int SequenceHash<T>(ImmutableArray<T> items)
    {
        var hash = new HashCode();
        if (!items.IsDefault)
        {
            foreach (var item in items)
            {
                hash.Add(item);
            }
        }

        return hash.ToHashCode();
    }

    public static bool Map<TKey, TValue>(IReadOnlyDictionary<TKey, TValue>? left, IReadOnlyDictionary<TKey, TValue>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !comparer.Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Independent of the order of the entries, like <see cref="Map{TKey,TValue}"/>.</summary>
    public static int MapHash<TKey, TValue>(IReadOnlyDictionary<TKey, TValue>? map)
    {
        if (map is null)
        {
            return 0;
        }

        var sum = 0;
        foreach (var (key, value) in map)
        {
            sum = unchecked(sum + HashCode.Combine(key, value));
        }

        return HashCode.Combine(map.Count, sum);
    }

    /// <summary>Whether two property values are equal: dictionaries by entries, other collections (but strings) item by
    /// item, anything else by its own <see cref="object.Equals(object)"/>.</summary>
    public static bool Values(object? left, object? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left is string || right is string)
        {
            return Equals(left, right);
        }

        if (left is IDictionary leftMap && right is IDictionary rightMap)
        {
            return Entries(leftMap, rightMap);
        }

        if (left is IEnumerable leftItems && right is IEnumerable rightItems && left is not IDictionary && right is not IDictionary)
        {
            return Items(leftItems, rightItems);
        }

        return left.Equals(right);
    }

    /// <summary>A hash code that agrees with <see cref="Values"/>.</summary>
    public static int HashOf(object? value)
    {
        switch (value)
        {
            case null:
                return 0;
            case string text:
                return text.GetHashCode(StringComparison.Ordinal);
            case IDictionary map:
            {
                var sum = 0;
                foreach (DictionaryEntry entry in map)
                {
                    sum = unchecked(sum + HashCode.Combine(HashOf(entry.Key), HashOf(entry.Value)));
                }

                return HashCode.Combine(map.Count, sum);
            }

            case IEnumerable items:
            {
                var hash = new HashCode();
                foreach (var item in Enumerate(items))
                {
                    hash.Add(HashOf(item));
                }

                return hash.ToHashCode();
            }

            default:
                return value.GetHashCode();
        }
    }

    /// <summary>Appends a value as <see cref="ValueShape"/> prints it: collections as <c>[a, b]</c>, dictionaries as
    /// <c>[key = value, …]</c> in key order, <see langword="null"/> as <c>null</c>, anything else as its invariant-culture
    /// text.</summary>
    public static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append(s);
                break;
            case IDictionary map:
            {
                var entries = new List<(string Key, object? Value)>();
                foreach (DictionaryEntry entry in map)
                {
                    entries.Add((Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value));
                }

                text.Append('[');
                var first = true;
                foreach (var (key, item) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    text.Append(first ? string.Empty : ", ").Append(key).Append(" = ");
                    Append(text, item);
                    first = false;
                }

                text.Append(']');
                break;
            }

            case IEnumerable items:
            {
                text.Append('[');
                var first = true;
                foreach (var item in Enumerate(items))
                {
                    text.Append(first ? string.Empty : ", ");
                    Append(text, item);
                    first = false;
                }

                text.Append(']');
                break;
            }

            default:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static bool Entries(IDictionary left, IDictionary right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (DictionaryEntry entry in left)
        {
            if (!right.Contains(entry.Key) || !Values(entry.Value, right[entry.Key]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Items(IEnumerable left, IEnumerable right)
    {
        var rightItems = Enumerate(right).GetEnumerator();
        foreach (var item in Enumerate(left))
        {
            if (!rightItems.MoveNext() || !Values(item, rightItems.Current))
            {
                return false;
            }
        }

        return !rightItems.MoveNext();
    }

    /// <summary>The items, none for a default <see cref="ImmutableArray{T}"/> (whose enumeration throws).</summary>
    private static IEnumerable<object?> Enumerate(IEnumerable items)
    {
        if (IsDefaultArray(items))
        {
            yield break;
        }

        foreach (var item in items)
        {
            yield return item;
        }
    }

    private static bool IsDefaultArray(object items)
        => DefaultArrayChecks.GetOrAdd(items.GetType(), static type =>
            type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
                ? type.GetProperty(nameof(ImmutableArray<int>.IsDefault)) is { } isDefault ? array => (bool)isDefault.GetValue(array)! : null
                : null) is { } check && check(items);
}
