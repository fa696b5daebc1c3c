namespace Orchestration;

/// <summary>Label keys and values the engine and its container runtime take: a key of printable characters without
/// whitespace or '=', not under the SDK's reserved prefix, and key and value together at most
/// <see cref="MaxKeyAndValueBytes"/> bytes (containerd's limit, checked when the container starts).</summary>
internal static class LabelRules
{
    public const int MaxKeyAndValueBytes = 4096;

    public static string? CheckKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "is empty; a label key must not be";
        }

        if (key.StartsWith(Rules.NameRules.ReservedLabelPrefix, StringComparison.Ordinal))
        {
            return $"starts with \"{Rules.NameRules.ReservedLabelPrefix}\", which is reserved for the orchestrator's own labels";
        }

        foreach (var c in key)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '=')
            {
                return "must be printable characters without whitespace, control characters or '='";
            }
        }

        return null;
    }

    public static string? CheckValue(string key, string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "contains a NUL byte";
        }

        var bytes = System.Text.Encoding.UTF8.GetByteCount(key) + System.Text.Encoding.UTF8.GetByteCount(value);
        return bytes > MaxKeyAndValueBytes
            ? $"makes key and value {bytes} bytes together; the container runtime allows at most {MaxKeyAndValueBytes}"
            : null;
    }
}
