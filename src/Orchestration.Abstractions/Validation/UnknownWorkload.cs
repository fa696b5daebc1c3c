namespace Orchestration;

/// <summary>The error for a workload name that is not in the fleet: it names the workloads that are, and the closest
/// one when the name looks like a typo of it.</summary>
internal static class UnknownWorkload
{
    public static string Message(string? name, string fleet, IEnumerable<string> existing)
    {
        var names = existing.ToList();
        var known = names.Count == 0 ? "it has no workloads yet" : $"its workloads: {string.Join(", ", names)}";
        var closest = name is null ? null : Rules.ClosestName.Find(name, names);
        var hint = closest is null ? string.Empty : $"; did you mean '{closest}'?";
        return $"Workload '{EscapedText.ForProblem(name ?? string.Empty)}' is not part of fleet '{fleet}' ({known}){hint}";
    }

    public static ArgumentException Exception(string? name, string fleet, IEnumerable<string> existing, string parameter)
        => new(Message(name, fleet, existing), parameter);
}
