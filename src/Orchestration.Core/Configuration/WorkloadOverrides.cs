using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Orchestration.Configuration;

/// <summary>Applies the section <c>Orchestration:Workloads:{name}</c> of the application's configuration (every
/// source: appsettings.json, appsettings.{Environment}.json, environment variables, the command line) to the
/// workloads of a fleet, typed and fluent alike: <c>Replicas</c>, <c>Image</c>, <c>Tag</c>,
/// <c>Environment:{NAME}</c>, <c>Resources:{CpuRequest|MemoryRequest|CpuLimit|MemoryLimit|PidsLimit}</c> and
/// <c>Probes:{Startup|Readiness|Liveness}:{InitialDelaySeconds|PeriodSeconds|TimeoutSeconds|SuccessThreshold|FailureThreshold}</c>.
/// The result is validated with the spec's own field paths, each problem naming the configuration key that set the
/// value; nothing is applied when one is found.</summary>
internal static class WorkloadOverrides
{
    public const string Section = "Orchestration:Workloads";

    private static readonly string[] Settings = ["Replicas", "Image", "Tag", "Environment", "Resources", "Probes"];
    private static readonly string[] ResourceSettings = ["CpuRequest", "MemoryRequest", "CpuLimit", "MemoryLimit", "PidsLimit"];
    private static readonly string[] ProbeSettings = ["InitialDelaySeconds", "PeriodSeconds", "TimeoutSeconds", "SuccessThreshold", "FailureThreshold"];

    /// <exception cref="SpecValidationException">A value cannot be parsed, names nothing, or makes a spec invalid.</exception>
    public static FleetSpec Apply(FleetSpec fleet, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (!section.Exists())
        {
            return fleet;
        }

        var problems = new List<ValidationProblem>();
        var keys = new List<(string Field, string Key)>();
        var workloads = fleet.Workloads.ToBuilder();
        foreach (var entry in section.GetChildren())
        {
            var index = fleet.Workloads.IndexOf(fleet.Find(entry.Key)!);
            if (index < 0)
            {
                problems.Add(new($"workloads[\"{entry.Key}\"]", entry.Key, $"names no workload of fleet '{fleet.Name}' (configuration key '{entry.Path}')"));
                continue;
            }

            workloads[index] = Override(workloads[index], entry, keys, problems);
        }

        var overridden = fleet with { Workloads = workloads.ToImmutable() };
        foreach (var problem in overridden.Validate())
        {
            // Only what configuration set is reported here; the code's own mistakes are reported by the apply.
            if (keys.FirstOrDefault(k => problem.Path.StartsWith(k.Field, StringComparison.Ordinal)) is { Key: { } key })
            {
                problems.Add(new ValidationProblem(problem.Path, problem.Value, $"{problem.Rule} (configuration key '{key}')"));
            }
        }

        return problems.Count > 0 ? throw new SpecValidationException([.. problems.Distinct()]) : overridden;
    }

    private static WorkloadSpec Override(WorkloadSpec spec, IConfigurationSection entry, List<(string Field, string Key)> keys, List<ValidationProblem> problems)
    {
        var at = $"workloads[\"{spec.Name}\"]";
        foreach (var setting in entry.GetChildren().Where(c => !Settings.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add(new($"{at}", setting.Key, $"is not a setting a configuration can override; use one of {string.Join(", ", Settings)} (configuration key '{setting.Path}')"));
        }

        if (entry.GetSection("Replicas") is { Value: { } replicas } replicasKey)
        {
            keys.Add(($"{at}.replicas", replicasKey.Path));
            if (int.TryParse(replicas, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
            {
                spec = spec with { Replicas = count };
            }
            else
            {
                problems.Add(new($"{at}.replicas", replicas, $"is not a whole number (configuration key '{replicasKey.Path}')"));
            }
        }

        if (entry.GetSection("Image") is { Value: { } image } imageKey)
        {
            keys.Add(($"{at}.image", imageKey.Path));
            spec = spec with { Image = image };
        }

        if (entry.GetSection("Tag") is { Value: { } tag } tagKey)
        {
            keys.Add(($"{at}.image", tagKey.Path));
            if (spec.Image.Contains('@', StringComparison.Ordinal))
            {
                problems.Add(new($"{at}.image", spec.Image, $"is pinned by digest, so no tag can replace it (configuration key '{tagKey.Path}')"));
            }
            else
            {
                var colon = spec.Image.LastIndexOf(':');
                var repository = colon > spec.Image.LastIndexOf('/') ? spec.Image[..colon] : spec.Image;
                spec = spec with { Image = $"{repository}:{tag}" };
            }
        }

        foreach (var variable in entry.GetSection("Environment").GetChildren())
        {
            keys.Add(($"{at}.environment", variable.Path));
            spec = spec with { Environment = spec.Environment.SetItem(variable.Key, variable.Value ?? "") };
        }

        spec = OverrideResources(spec, entry.GetSection("Resources"), at, keys, problems);
        return OverrideProbes(spec, entry.GetSection("Probes"), at, keys, problems);
    }

    private static WorkloadSpec OverrideResources(WorkloadSpec spec, IConfigurationSection section, string at, List<(string Field, string Key)> keys, List<ValidationProblem> problems)
    {
        if (!section.Exists())
        {
            return spec;
        }

        foreach (var child in section.GetChildren().Where(c => !ResourceSettings.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add(new($"{at}.resources", child.Key, $"is not a resource setting; use one of {string.Join(", ", ResourceSettings)} (configuration key '{child.Path}')"));
        }

        keys.Add(($"{at}.resources", section.Path));
        long? pids = null;
        if (section["PidsLimit"] is { } pidsText)
        {
            if (long.TryParse(pidsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p))
            {
                pids = p;
            }
            else
            {
                problems.Add(new($"{at}.resources.pidsLimit", pidsText, $"is not a whole number (configuration key '{section.Path}:PidsLimit')"));
            }
        }

        // The builder parses the quantities, with the spec's own field paths.
        var builder = new WorkloadBuilder(spec)
            .Requests(section["CpuRequest"], section["MemoryRequest"])
            .Limits(section["CpuLimit"], section["MemoryLimit"], pids);
        try
        {
            return builder.Build();
        }
        catch (SpecValidationException e)
        {
            // Build checks the whole workload: the resources' problems are this section's (unparsable or invalid
            // quantities); the rest is the code's, reported by the apply. The resources stay as the code set them.
            problems.AddRange(e.Problems
                .Where(p => p.Path.StartsWith($"{at}.resources", StringComparison.Ordinal))
                .Select(p => new ValidationProblem(p.Path, p.Value, $"{p.Rule} (configuration key '{section.Path}')")));
            return spec;
        }
    }

    private static WorkloadSpec OverrideProbes(WorkloadSpec spec, IConfigurationSection section, string at, List<(string Field, string Key)> keys, List<ValidationProblem> problems)
    {
        foreach (var probe in section.GetChildren())
        {
            var path = $"{at}.probes.{probe.Key.ToLowerInvariant()}";
            keys.Add((path, probe.Path));
            var current = probe.Key.ToLowerInvariant() switch
            {
                "startup" => spec.Probes.Startup,
                "readiness" => spec.Probes.Readiness,
                "liveness" => spec.Probes.Liveness,
                _ => null,
            };
            if (current is null)
            {
                problems.Add(new(path, probe.Key, $"is not a probe the workload declares; a configuration tunes the startup, readiness or liveness probe of the code (configuration key '{probe.Path}')"));
                continue;
            }

            foreach (var setting in probe.GetChildren())
            {
                if (!ProbeSettings.Contains(setting.Key, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add(new(path, setting.Key, $"is not a probe setting; use one of {string.Join(", ", ProbeSettings)} (configuration key '{setting.Path}')"));
                }
                else if (!double.TryParse(setting.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0)
                {
                    problems.Add(new($"{path}.{char.ToLowerInvariant(setting.Key[0])}{setting.Key[1..]}", setting.Value, $"is not a number of 0 or more (configuration key '{setting.Path}')"));
                }
                else
                {
                    current = setting.Key.ToLowerInvariant() switch
                    {
                        "initialdelayseconds" => current with { InitialDelay = TimeSpan.FromSeconds(number) },
                        "periodseconds" => current with { Period = TimeSpan.FromSeconds(number) },
                        "timeoutseconds" => current with { Timeout = TimeSpan.FromSeconds(number) },
                        "successthreshold" => current with { SuccessThreshold = (int)number },
                        _ => current with { FailureThreshold = (int)number },
                    };
                }
            }

            spec = spec with
            {
                Probes = probe.Key.ToLowerInvariant() switch
                {
                    "startup" => spec.Probes with { Startup = current },
                    "readiness" => spec.Probes with { Readiness = current },
                    _ => spec.Probes with { Liveness = current },
                },
            };
        }

        return spec;
    }
}
