namespace Orchestration;

/// <summary>Gives the workloads that name no security profile the fleet's, when the fleet's is not the default
/// (Baseline specs stay as they are, so their revisions do not change).</summary>
internal static class FleetSecurityProfile
{
    public static FleetSpec Apply(FleetSpec fleet, SecurityProfile profile)
    {
        if (profile == SecurityProfile.Baseline || fleet.Workloads.All(w => w.Security.Profile is not null))
        {
            return fleet;
        }

        return fleet with
        {
            Workloads = [.. fleet.Workloads.Select(w => w.Security.Profile is null ? w with { Security = w.Security with { Profile = profile } } : w)],
        };
    }
}
