using System.Globalization;
using System.Text.Json.Serialization;

namespace Orchestration;

/// <summary>A count of replicas given either absolutely (2) or as a share of the desired count ("25%"),
/// as Kubernetes does for maxSurge and maxUnavailable.</summary>
public readonly record struct IntOrPercent
{
    // The leader-election journal reads specs back from JSON through this constructor.
    [JsonConstructor]
    private IntOrPercent(int value, bool isPercent)
    {
        Value = value;
        IsPercent = isPercent;
    }

    /// <summary>The count, or the percentage when <see cref="IsPercent"/> is set.</summary>
    public int Value { get; }

    /// <summary>Whether <see cref="Value"/> is a percentage.</summary>
    public bool IsPercent { get; }

    /// <summary>An absolute count.</summary>
    public static IntOrPercent FromCount(int count) => new(count, false);

    /// <summary>A percentage of the desired replica count.</summary>
    public static IntOrPercent FromPercent(int percent) => new(percent, true);

    /// <summary>An absolute count.</summary>
    public static implicit operator IntOrPercent(int count) => FromCount(count);

    /// <summary>Parses "3" or "25%".</summary>
    /// <exception cref="FormatException">The text is neither; the message names it.</exception>
    public static IntOrPercent Parse(string text)
    {
        if (!QuantityRules.TryParseIntOrPercent(text, out var value, out var isPercent))
        {
            throw new FormatException($"'{text}' is neither a replica count such as \"2\" nor a percentage such as \"25%\".");
        }

        return new IntOrPercent(value, isPercent);
    }

    /// <summary>The absolute count for a workload of <paramref name="total"/> replicas.</summary>
    /// <param name="total">The desired replica count.</param>
    /// <param name="roundUp">Round a percentage up (maxSurge) rather than down (maxUnavailable).</param>
    public int Resolve(int total, bool roundUp)
    {
        if (!IsPercent)
        {
            return Value;
        }

        var exact = (long)total * Value;
        return (int)(roundUp ? (exact + 99) / 100 : exact / 100);
    }

    /// <inheritdoc />
    public override string ToString() => IsPercent ? $"{Value}%" : Value.ToString(CultureInfo.InvariantCulture);
}
