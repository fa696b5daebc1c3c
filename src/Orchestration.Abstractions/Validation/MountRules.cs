using System.Text.RegularExpressions;

namespace Orchestration;

/// <summary>Mount targets and volume names as the engine checks them: a target is an absolute path other than '/',
/// without NUL, unique once cleaned ('/data' and '/data/' are one mount point); a local volume name is
/// <c>[a-zA-Z0-9][a-zA-Z0-9_.-]+</c> (two characters at least).</summary>
internal static partial class MountRules
{
    public static string? CheckTarget(string? target)
    {
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            return "must be an absolute path in the container";
        }

        if (target.Any(char.IsControl))
        {
            return "must not contain control characters";
        }

        return Clean(target) == "/" ? "is the container's root; a mount cannot replace it" : null;
    }

    public static string? CheckVolumeName(string? name)
        => name is not null && VolumeName().IsMatch(name)
            ? null
            : "is not a volume name the engine accepts: a letter or digit, then at least one letter, digit, '_', '.' or '-'";

    /// <summary>The path with '.' segments, repeated and trailing slashes removed and '..' resolved, as the engine
    /// compares mount points.</summary>
    public static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(segment);
        }

        return "/" + string.Join('/', parts);
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeName();
}
