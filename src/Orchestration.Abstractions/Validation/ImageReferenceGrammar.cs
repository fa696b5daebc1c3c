using System.Linq;
using System.Text.RegularExpressions;

namespace Orchestration;

/// <summary>The engine's image reference grammar (the distribution/reference grammar Docker parses with):
/// <c>[domain[:port]/]path-component[/path-component…][:tag][@algorithm:hex]</c>, where a domain is dot-separated
/// labels of letters, digits and inner '-', a path component is lowercase letters and digits joined by '.', '_', '__'
/// or runs of '-', a tag is a word character then up to 127 word characters, '.' or '-', and a digest algorithm is
/// sha256, sha384 or sha512 with exactly its number of lowercase hex digits. The name (without tag and
/// digest) is at most 255 characters, and a name of 64 lowercase hex digits alone is refused (it would be taken for
/// an image id). Linked into the source generator too (netstandard2.0), so both check one grammar.</summary>
internal static class ImageReferenceGrammar
{
    public const int MaxNameLength = 255;

    /// <summary>Why <paramref name="reference"/> is not a reference the engine parses, or <see langword="null"/>.</summary>
    public static string? Check(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return "must name an image, such as \"redis:7\" or \"host:5000/team/app:1.2\"";
        }

        var match = Reference.Match(reference);
        if (!match.Success)
        {
            return "is not an image reference in the engine's grammar: [host[:port]/]path[:tag][@sha256:digest], path components " +
                   "of lowercase letters and digits joined by '.', '_', '__' or '-', a tag of at most 128 letters, digits, '_', '.' or '-'";
        }

        var name = match.Groups["name"].Value;
        var slash = name.IndexOf('/');
        var first = slash < 0 ? name : name.Substring(0, slash);
        if (first.IndexOf('.') < 0 && first.IndexOf(':') < 0 && first != "localhost" && name.Any(char.IsUpper))
        {
            // Only a first component with '.' or ':' (or "localhost") is a registry host, where capitals are allowed.
            return "has capital letters in its repository name; the engine wants it lowercase";
        }

        if (name.Length > MaxNameLength)
        {
            return $"has a repository name of {name.Length} characters; the engine allows at most {MaxNameLength}";
        }

        if (name.Length == 64 && IdLike.IsMatch(name))
        {
            return "is 64 hex digits, which the engine takes for an image id, not a repository name";
        }

        return null;
    }

    private static readonly Regex Reference = new(
        @"^(?<name>(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?/)?" +
        @"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)" +
        @"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?" +
        @"(?:@(?:sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128}))?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled);

    private static readonly Regex IdLike = new("^[a-f0-9]{64}$", RegexOptions.CultureInvariant);
}
