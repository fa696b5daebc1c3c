namespace Orchestration;

/// <summary>The rules of what the engine and the kernel take: the process's command, arguments and environment,
/// labels, security settings and profile.</summary>
internal static partial class SpecValidator
{
    private static void ValidateProcess(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        if (!w.Command.IsDefaultOrEmpty && string.IsNullOrWhiteSpace(w.Command[0]))
        {
            problems.Add(new($"{at}.command[0]", w.Command[0], "is empty; the command must name a program (leave the command empty to keep the image's)"));
        }

        CheckStrings(w.Command, $"{at}.command", "an argument", problems);
        CheckStrings(w.Args, $"{at}.args", "an argument", problems);
        foreach (var (name, value) in w.Environment)
        {
            if (ContainerStringRules.Check($"{name}={value}", "an environment") is { } rule)
            {
                problems.Add(new($"{at}.environment[\"{name}\"]", value, rule));
            }
        }
    }

    private static void CheckStrings(System.Collections.Immutable.ImmutableArray<string> strings, string path, string what, List<ValidationProblem> problems)
    {
        for (var i = 0; i < (strings.IsDefault ? 0 : strings.Length); i++)
        {
            if (ContainerStringRules.Check(strings[i] ?? string.Empty, what) is { } rule)
            {
                problems.Add(new($"{path}[{i}]", strings[i], rule));
            }
        }
    }

    private static void ValidateLabels(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        foreach (var (key, value) in w.Labels)
        {
            if (LabelRules.CheckKey(key) is { } keyRule)
            {
                problems.Add(new($"{at}.labels", key, keyRule));
            }
            else if (LabelRules.CheckValue(key, value) is { } valueRule)
            {
                problems.Add(new($"{at}.labels[\"{key}\"]", value, valueRule));
            }
        }
    }

    private static void ValidateSecurity(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        var s = w.Security;
        var caps = s.AddCapabilities.IsDefault ? [] : s.AddCapabilities;
        for (var i = 0; i < caps.Length; i++)
        {
            if (CapabilityRules.Check(caps[i]) is { } rule)
            {
                problems.Add(new($"{at}.security.addCapabilities[{i}]", caps[i], rule));
            }
        }

        if (s.User is { } user && UserRules.Check(user) is { } userRule)
        {
            problems.Add(new($"{at}.security.user", user, userRule));
        }

        if (s.Profile is { } profile && !Enum.IsDefined(profile))
        {
            problems.Add(new($"{at}.security.profile", profile.ToString(), "is not a security profile (Baseline or Restricted)"));
        }

        if (s.Profile == SecurityProfile.Restricted)
        {
            ValidateRestricted(w, at, problems);
        }
    }

    private static void ValidateRestricted(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        const string Why = "is refused by the Restricted security profile";
        var s = w.Security;
        if (s.User is null)
        {
            problems.Add(new($"{at}.security.user", null, $"must name a non-root user (such as \"1000:1000\" or \"www-data\") under the Restricted security profile, which runs no container as root"));
        }
        else if (UserRules.IsRoot(s.User))
        {
            problems.Add(new($"{at}.security.user", s.User, $"{Why}: it runs no container as root"));
        }

        var caps = s.AddCapabilities.IsDefault ? [] : s.AddCapabilities;
        for (var i = 0; i < caps.Length; i++)
        {
            if (CapabilityRules.Check(caps[i]) is null && CapabilityRules.Normalize(caps[i]) != CapabilityRules.RestrictedAllowed)
            {
                problems.Add(new($"{at}.security.addCapabilities[{i}]", caps[i], $"{Why}: only {CapabilityRules.RestrictedAllowed} may be added"));
            }
        }

        foreach (var (field, on) in new[] { ("privileged", s.Privileged), ("hostNetwork", s.HostNetwork), ("hostPid", s.HostPid) })
        {
            if (on)
            {
                problems.Add(new($"{at}.security.{field}", "true", Why));
            }
        }
    }
}
