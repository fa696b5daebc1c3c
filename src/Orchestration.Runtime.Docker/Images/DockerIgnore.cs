using System.Text;
using System.Text.RegularExpressions;

namespace Orchestration.Runtime.Docker.Images;

/// <summary>The rules of a build context's <c>.dockerignore</c>, as the Docker CLI reads them: one pattern per line
/// (<c>#</c> starts a comment), Go <c>filepath.Match</c> syntax plus <c>**</c> for any number of directories, relative
/// to the context root; a pattern that matches a directory excludes everything in it; <c>!</c> makes an exception,
/// and the last matching line wins.</summary>
/// <remarks>Hand-written because the rules are Docker's own: globbing libraries such as
/// Microsoft.Extensions.FileSystemGlobbing do not apply patterns in order, which <c>!</c> exceptions depend on.</remarks>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exception)> _rules = [];

    private DockerIgnore()
    {
    }

    /// <summary>Nothing is ignored.</summary>
    public static DockerIgnore None { get; } = new();

    /// <summary>Whether some rule is an exception (<c>!pattern</c>), so an ignored directory may hold kept files.</summary>
    public bool HasExceptions => _rules.Exists(r => r.Exception);

    /// <summary>Reads <c>.dockerignore</c> in <paramref name="contextDirectory"/>, or <see cref="None"/> when there is none.</summary>
    public static DockerIgnore Load(string contextDirectory)
    {
        var path = Path.Combine(contextDirectory, ".dockerignore");
        return File.Exists(path) ? Parse(File.ReadAllLines(path)) : None;
    }

    /// <summary>The rules of the given <c>.dockerignore</c> lines.</summary>
    public static DockerIgnore Parse(IEnumerable<string> lines)
    {
        var ignore = new DockerIgnore();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var exception = line[0] == '!';
            var pattern = Clean(exception ? line[1..].Trim() : line);
            if (pattern.Length > 0)
            {
                ignore._rules.Add((Compile(pattern), exception));
            }
        }

        return ignore;
    }

    /// <summary>Whether <paramref name="relativePath"/> (separated by <c>/</c>, relative to the context root) is left
    /// out of the context: the last rule that matches it or one of its parent directories decides.</summary>
    public bool IsIgnored(string relativePath)
    {
        var ignored = false;
        foreach (var (pattern, exception) in _rules)
        {
            if (MatchesOrParentMatches(pattern, relativePath))
            {
                ignored = !exception;
            }
        }

        return ignored;
    }

    private static bool MatchesOrParentMatches(Regex pattern, string path)
    {
        if (pattern.IsMatch(path))
        {
            return true;
        }

        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (pattern.IsMatch(path[..slash]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Like Go's <c>filepath.Clean</c> on a relative pattern: no leading <c>/</c> or <c>./</c>, no empty or
    /// <c>.</c> segments, <c>..</c> resolved.</summary>
    private static string Clean(string pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    private static Regex Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                        regex.Append("(.*/)?");
                    }
                    else
                    {
                        regex.Append(".*");
                    }

                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var end = pattern.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var set = pattern[(i + 1)..end];
                    regex.Append('[').Append(set.StartsWith('^') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = end;
                    break;
                case '\\' when i + 1 < pattern.Length:
                    i++;
                    regex.Append(Regex.Escape(pattern[i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
