using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestration;

/// <summary>What a container user may be: <c>user[:group]</c>, each a numeric id (0 to 2^31-1) or a POSIX-style
/// name (a letter or '_', then letters, digits, '_', '.' or '-', at most 32 characters). Whether a name exists is
/// only known inside the image, when the container starts.</summary>
internal static partial class UserRules
{
    public static string? Check(string user)
    {
        var parts = user.Split(':');
        if (parts.Length > 2 || parts.Any(p => !IsId(p) && !IsName(p)))
        {
            return "is not a user: expected a name or numeric id, optionally followed by ':' and a group name or id (such as \"1000:1000\" or \"www-data\")";
        }

        return null;
    }

    /// <summary>Whether the user part names root (uid 0 or "root").</summary>
    public static bool IsRoot(string user)
    {
        var name = user.Split(':')[0];
        return name == "root" || (IsId(name) && long.Parse(name, CultureInfo.InvariantCulture) == 0);
    }

    private static bool IsId(string part)
        => part.Length is > 0 and <= 10 && part.All(char.IsAsciiDigit)
           && long.Parse(part, CultureInfo.InvariantCulture) <= int.MaxValue;

    private static bool IsName(string part) => part.Length <= 32 && Name().IsMatch(part);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
