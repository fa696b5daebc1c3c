namespace Orchestration;

/// <summary>The rules of a workload's files: absolute, distinct paths that are neither the root nor a system
/// directory, and a named source.</summary>
internal static class FileSpecRules
{
    private static readonly string[] ReservedDirectories = ["/", "/proc", "/sys", "/dev", "/etc", "/bin", "/sbin", "/usr", "/lib", "/lib64"];

    public static void Validate(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in w.Files)
        {
            var path = $"{at}.files[\"{f.Path}\"]";
            if (string.IsNullOrEmpty(f.Path) || f.Path[0] != '/' || f.Path.EndsWith('/') || f.Path.Contains("//", StringComparison.Ordinal)
                || f.Path.Split('/').Any(p => p is "." or ".."))
            {
                problems.Add(new(path, f.Path, "must be an absolute file path without '.' or '..' parts, such as /run/secrets/db-password"));
            }
            else if (ReservedDirectories.Contains(f.Directory, StringComparer.Ordinal))
            {
                problems.Add(new(path, f.Path, $"is in '{f.Directory}', which a file mount would hide; use a directory of its own, such as /run/secrets or /etc/app"));
            }
            else if (!paths.Add(f.Path))
            {
                problems.Add(new(path, f.Path, "is mounted more than once"));
            }

            if (f.Source != FileSourceKind.Text && string.IsNullOrWhiteSpace(f.Reference))
            {
                problems.Add(new($"{path}.{char.ToLowerInvariant(f.Source.ToString()[0])}{f.Source.ToString()[1..]}", f.Reference, f.Source switch
                {
                    FileSourceKind.Secret => "must name a secret",
                    FileSourceKind.HostFile => "must name a file",
                    _ => "must name a configuration section",
                }));
            }
        }

        foreach (var directory in w.Files.Select(f => f.Directory).Distinct(StringComparer.Ordinal))
        {
            if (w.Mounts.Any(m => string.Equals(m.Target.TrimEnd('/'), directory, StringComparison.Ordinal)))
            {
                problems.Add(new($"{at}.files", directory, "is also the target of a mount; files need a directory of their own"));
            }
        }
    }
}
